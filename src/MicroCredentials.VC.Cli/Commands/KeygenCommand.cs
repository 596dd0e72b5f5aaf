using System.CommandLine;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;

namespace MicroCredentials.VC.Cli.Commands;

internal static class KeygenCommand
{
    public static Command Create()
    {
        var outOption = Cli.OutOption();
        var force = new Option<bool>("--force") { Description = "Replace an existing key file (without it, an existing file is never overwritten)." };
        var command = new Command("keygen", "Make a new Ed25519 key file (did:key, Multikey and JWK forms). Keep it secret.") { outOption, force };
        command.SetAction(result =>
        {
            var path = result.GetValue(outOption);
            using var key = Ed25519SigningKey.Generate(KeyExportPolicy.AllowPlaintextExport);
            if (path is null or "-")
            {
                Cli.WriteOutput(null, KeyFile.Create(key) + "\n");
                return ExitCodes.Success;
            }

            PrivateFile.Write(path, KeyFile.Create(key) + "\n", overwrite: result.GetValue(force));
            Console.Error.WriteLine($"Wrote {path}: {DidKey.Create(key.PublicKey)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
