using System.CommandLine;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;

namespace MicroCredentials.VC.Cli.Commands;

internal static class KeygenCommand
{
    public static Command Create()
    {
        var outOption = Cli.OutOption();
        var force = new Option<bool>("--force") { Description = "Overwrite an existing key file." };
        var command = new Command("keygen", "Make a new Ed25519 key file (did:key, Multikey and JWK forms). Keep it secret.") { outOption, force };
        command.SetAction(result =>
        {
            var path = result.GetValue(outOption);
            if (path is not null && path != "-" && File.Exists(path) && !result.GetValue(force))
            {
                throw new UsageException($"{path} exists; pass --force to overwrite a key file.");
            }

            using var key = Ed25519SigningKey.Generate(KeyExportPolicy.AllowPlaintextExport);
            Cli.WriteOutput(path, KeyFile.Create(key) + "\n");
            if (path is not null && path != "-" && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            if (path is not null && path != "-")
            {
                Console.Error.WriteLine($"Wrote {path}: {DidKey.Create(key.PublicKey)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
