using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Dids;
using MicroCredentials.VC.Proofs.Jose;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Jose;

/// <summary>
/// An in-memory verification-method resolver: each method is found by its id and by its JWK <c>kid</c> (the
/// vc-jose-cose-test-suite signs with a JWK thumbprint as <c>kid</c>, and its harness resolves keys by <c>kid</c>).
/// Every method is authorized for every purpose.
/// </summary>
internal sealed class InMemoryMethods : IVerificationMethodResolver
{
    private readonly Dictionary<string, VerificationMethod> _byId = new(StringComparer.Ordinal);

    public InMemoryMethods Add(string id, string controller, JsonObject publicJwk)
    {
        Ed25519PublicKey.TryFromJwk(publicJwk, out var ed);
        var method = new VerificationMethod(id, "JsonWebKey", controller, ed) { PublicKeyJwk = publicJwk };
        _byId[id] = method;
        if (publicJwk["kid"] is JsonValue kid && kid.TryGetValue(out string? k))
        {
            _byId[k] = method;
        }

        return this;
    }

    public ValueTask<VerificationMethodResult> ResolveAsync(string verificationMethodId, string proofPurpose, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_byId.TryGetValue(verificationMethodId, out var m)
            ? new VerificationMethodResult(m, true)
            : VerificationMethodResult.Failed("signature.keyNotFound", "No such key in the test resolver."));
}

/// <summary>The vc-jose-cose-test-suite files (tests/input/*).</summary>
internal static class SuiteFiles
{
    public static string Input(string name) => Shared.Vectors("vc-jose-cose-test-suite", "tests", "input", name);

    public static JsonObject Json(string name) => (JsonObject)JsonNode.Parse(File.ReadAllText(Input(name)))!;

    public static string Text(string name) => File.ReadAllText(Input(name)).Trim();

    /// <summary>A resolver that knows only the given key files (by vm id and by kid).</summary>
    public static InMemoryMethods Resolver(params string[] keyFiles)
    {
        var methods = new InMemoryMethods();
        foreach (var file in keyFiles)
        {
            var vm = Json(file);
            methods.Add((string)vm["id"]!, (string)vm["controller"]!, (JsonObject)vm["publicKeyJwk"]!.DeepClone());
        }

        return methods;
    }

    /// <summary>The signing key of a key file, with the verification method id as kid.</summary>
    public static JoseSigningKey SigningKey(string keyFile) => JoseSigningKey.Import(File.ReadAllText(Input(keyFile)));
}

/// <summary>Builds tokens by hand (any header, any payload) for the negative tests, signing through an <see cref="ISigner"/> (whatever the header's alg says).</summary>
internal static class RawJws
{
    public static string Sign(JsonObject header, string payloadJson, ISigner signer)
    {
        var signingInput = Base64Url.Encode(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url.Encode(Encoding.UTF8.GetBytes(payloadJson));
        var signature = signer.SignAsync(Encoding.ASCII.GetBytes(signingInput)).AsTask().GetAwaiter().GetResult();
        return signingInput + "." + Base64Url.Encode(signature);
    }

    public static string Unsigned(JsonObject header, string payloadJson) =>
        Base64Url.Encode(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url.Encode(Encoding.UTF8.GetBytes(payloadJson)) + ".";

    public static JsonObject Header(string token) => (JsonObject)JsonNode.Parse(Base64Url.Decode(token.Split('.')[0]))!;

    public static JsonObject Payload(string token) => (JsonObject)JsonNode.Parse(Base64Url.Decode(token.Split('.')[1]))!;
}
