using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Rdf;

namespace MicroCredentials.VC.Proofs;

/// <summary>
/// <c>ecdsa-sd-2023</c> (W3C Data Integrity ECDSA Cryptosuites v1.0 §3.4), verification of <b>derived</b> proofs
/// (§3.4.7 "Verify Derived Proof" with §3.5.8 "createVerifyData" and §3.5.9 "parseDerivedProofValue"): the
/// proofValue (<c>u</c> + base64url of CBOR tag 0xd95d01) carries the issuer's base signature, the per-proof P-256
/// public key, one signature per non-mandatory N-Quad, the compressed blank-node label map and the mandatory
/// indexes. The revealed document is canonicalized with RDFC-1.0, its blank nodes relabelled through the label map,
/// its N-Quads sorted and split into mandatory and non-mandatory; the base signature (issuer key, over
/// SHA-256(proof configuration) ‖ public key ‖ SHA-256(mandatory N-Quads)) and each N-Quad's signature (per-proof
/// key) must verify. P-256 with SHA-256 only.
/// </summary>
/// <remarks>
/// Creating base proofs and deriving disclosure proofs is not implemented: <see cref="DataIntegrity.AddProofAsync"/>
/// refuses this suite. A base proof (tag 0xd95d00) is for the holder, never for a verifier, and fails verification.
/// <see cref="DataIntegrityCryptosuite.HashDataAsync(JsonObject, JsonObject, CryptosuiteContext, CancellationToken)"/>
/// gives SHA-256(proof configuration) ‖ SHA-256(document), as for ecdsa-rdfc-2019 with P-256; derived proofs do not sign it.
/// </remarks>
public sealed class EcdsaSd2023 : DataIntegrityCryptosuite
{
    private static readonly string[] VmTypes = ["Multikey", "JsonWebKey"];

    private EcdsaSd2023()
    {
    }

    /// <summary>The suite.</summary>
    public static EcdsaSd2023 Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "ecdsa-sd-2023";

    /// <inheritdoc/>
    public override IReadOnlyList<string> VerificationMethodTypes => VmTypes;

    /// <inheritdoc/>
    public override string SignatureAlgorithm => SignatureAlgorithms.Es256;

    /// <inheritdoc/>
    protected override bool ProofKeepsContext => false;

    /// <inheritdoc/>
    internal override int SignatureLength => 64;

    /// <inheritdoc/>
    internal override string KeyDescription => "ECDSA P-256";

    /// <inheritdoc/>
    internal override DataIntegrityCryptosuite? ForSignatureAlgorithm(string algorithm) => null;

    /// <inheritdoc/>
    internal override DataIntegrityCryptosuite? ForMethod(Dids.VerificationMethod method) =>
        method.PublicKeyJwk is { } jwk && JwsKeys.Str(jwk, "kty") == "EC" && JwsKeys.Str(jwk, "crv") == "P-256" ? this : null;

    /// <inheritdoc/>
    internal override bool IsSignatureLength(int length) => length == 64;

    /// <inheritdoc/>
    internal override bool VerifySignature(Dids.VerificationMethod method, byte[] data, byte[] signature) =>
        method.PublicKeyJwk is { } jwk && VerifyEs256(jwk, data, signature);

    /// <inheritdoc/>
    protected override ValueTask<byte[]> CanonicalizeAsync(JsonObject document, CryptosuiteContext context, CancellationToken cancellationToken) =>
        RdfcTransform.CanonicalizeAsync(document, context, RdfcOptions.Default, cancellationToken);

    /// <inheritdoc/>
    private protected override ValueTask<byte[]> CanonicalizeAsync(JsonObject document, CryptosuiteContext context, List<Quad>? capture, CancellationToken cancellationToken) =>
        RdfcTransform.CanonicalizeAsync(document, context, RdfcOptions.Default, cancellationToken, capture);

    /// <summary>The parts of a derived proof value (§3.5.9).</summary>
    internal sealed record DerivedProof(byte[] BaseSignature, byte[] PublicKey, IReadOnlyList<byte[]> Signatures, IReadOnlyDictionary<string, string> LabelMap, IReadOnlyList<int> MandatoryIndexes);

    /// <summary>Parses a derived proof value (§3.5.9 parseDerivedProofValue); a base proof value is refused with a reason.</summary>
    /// <param name="proofValue">The proofValue.</param>
    /// <param name="proof">The parts.</param>
    /// <param name="error">Why it was refused.</param>
    /// <returns>Whether it is a well-formed derived proof value.</returns>
    internal static bool TryParseDerived(string proofValue, [NotNullWhen(true)] out DerivedProof? proof, [NotNullWhen(false)] out string? error)
    {
        proof = null;
        if (!proofValue.StartsWith('u') || !Base64Url.TryDecode(proofValue[1..], out var bytes))
        {
            error = "The ecdsa-sd-2023 proofValue is not base64url multibase ('u').";
            return false;
        }

        if (bytes.Length >= 3 && bytes[0] == 0xd9 && bytes[1] == 0x5d && bytes[2] == 0x00)
        {
            error = "The ecdsa-sd-2023 proof is a base proof, which only its holder may see: a verifier checks the holder's derived proof.";
            return false;
        }

        if (bytes.Length < 3 || bytes[0] != 0xd9 || bytes[1] != 0x5d || bytes[2] != 0x01)
        {
            error = "The ecdsa-sd-2023 proofValue does not start with the derived proof header 0xd95d01.";
            return false;
        }

        try
        {
            var reader = new CborSubsetReader(bytes, 3);
            if (reader.ReadArrayLength() != 5)
            {
                throw new FormatException("the derived proof is an array of 5 items");
            }

            var baseSignature = reader.ReadBytes();
            var publicKey = reader.ReadBytes();
            var count = reader.ReadArrayLength();
            var signatures = new List<byte[]>(Math.Min(count, 4096));
            for (var i = 0; i < count; i++)
            {
                signatures.Add(reader.ReadBytes());
            }

            var mapLength = reader.ReadMapLength();
            var labelMap = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < mapLength; i++)
            {
                var key = reader.ReadUnsigned();
                var value = reader.ReadBytes();
                if (!labelMap.TryAdd("c14n" + key.ToString(System.Globalization.CultureInfo.InvariantCulture), "u" + Base64Url.Encode(value)))
                {
                    throw new FormatException("a label is mapped twice");
                }
            }

            var indexCount = reader.ReadArrayLength();
            var indexes = new List<int>(Math.Min(indexCount, 4096));
            for (var i = 0; i < indexCount; i++)
            {
                var index = reader.ReadUnsigned();
                indexes.Add(index > int.MaxValue ? throw new FormatException("an index is too large") : (int)index);
            }

            if (!reader.AtEnd)
            {
                throw new FormatException("bytes follow the derived proof");
            }

            if (baseSignature.Length != 64 || signatures.Any(s => s.Length != 64))
            {
                throw new FormatException("the signatures are P-256 R ‖ S of 64 bytes");
            }

            proof = new DerivedProof(baseSignature, publicKey, signatures, labelMap, indexes);
            error = null;
            return true;
        }
        catch (FormatException ex)
        {
            error = "The ecdsa-sd-2023 derived proofValue is malformed: " + ex.Message + ".";
            return false;
        }
    }

    /// <summary>What §3.5.8 createVerifyData computes: the proof hash, the mandatory hash, the non-mandatory N-Quads.</summary>
    /// <param name="ProofHash">SHA-256 of the canonical proof configuration.</param>
    /// <param name="MandatoryHash">SHA-256 of the mandatory N-Quads, concatenated.</param>
    /// <param name="NQuads">Every relabelled N-Quad of the revealed document, sorted.</param>
    /// <param name="NonMandatory">The non-mandatory N-Quads, in order.</param>
    internal sealed record VerifyData(byte[] ProofHash, byte[] MandatoryHash, IReadOnlyList<string> NQuads, IReadOnlyList<string> NonMandatory);

    /// <summary>§3.5.8 createVerifyData.</summary>
    /// <param name="inputs">The document and proof configuration.</param>
    /// <param name="proof">The parsed proof value.</param>
    /// <param name="context">The environment.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The data, or null and why the document does not fit the proof.</returns>
    /// <exception cref="ProofException">The document cannot be canonicalized.</exception>
    internal async ValueTask<(VerifyData? Data, Problem? Problem)> CreateVerifyDataAsync(ProofInputs inputs, DerivedProof proof, CryptosuiteContext context, CancellationToken cancellationToken)
    {
        var configBytes = await CanonicalizeAsync(inputs.Configuration, context, inputs.Capture?.Proof, cancellationToken).ConfigureAwait(false);
        var proofHash = SHA256.HashData(configBytes);

        var document = inputs.IgnoreProofMember && inputs.Document.ContainsKey("proof") ? DataIntegrity.WithoutProof(inputs.Document) : inputs.Document;
        IReadOnlyList<Quad> quads;
        try
        {
            quads = await JsonLdProcessor.ToRdfAsync(document, context.JsonLdOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonLdException ex)
        {
            throw new ProofException("context." + ex.Code.Replace(' ', '-'), "JSON-LD processing failed: " + ex.Message, ex);
        }

        inputs.Capture?.Document.AddRange(quads);
        RdfcResult canonical;
        try
        {
            canonical = Rdfc10.Canonicalize(quads, RdfcOptions.Default, cancellationToken);
        }
        catch (RdfcException ex)
        {
            throw new ProofException("signature.canonicalization", "RDF canonicalization failed: " + ex.Message, ex);
        }

        // §3.5.8 step 4: relabel the canonical blank nodes through the label map, then sort the N-Quads (code unit order).
        var lines = new List<string>(canonical.CanonicalQuads.Count);
        var line = new StringBuilder();
        foreach (var quad in canonical.CanonicalQuads)
        {
            if (!TryRelabel(quad, proof.LabelMap, out var relabelled))
            {
                return (null, new Problem("signature.invalid", "The ecdsa-sd-2023 label map has no label for a blank node of the revealed document: it was changed after the proof was derived."));
            }

            line.Clear();
            NQuads.WriteQuad(relabelled, line);
            lines.Add(line.ToString());
        }

        lines.Sort(StringComparer.Ordinal);
        var mandatory = new HashSet<int>();
        foreach (var index in proof.MandatoryIndexes)
        {
            if (index >= lines.Count || !mandatory.Add(index))
            {
                return (null, new Problem("signature.invalid", "The ecdsa-sd-2023 mandatory indexes do not fit the revealed document: it was changed after the proof was derived."));
            }
        }

        var nonMandatory = Enumerable.Range(0, lines.Count).Where(i => !mandatory.Contains(i)).Select(i => lines[i]).ToList();
        if (nonMandatory.Count != proof.Signatures.Count)
        {
            return (null, new Problem("signature.invalid", $"The ecdsa-sd-2023 proof signs {proof.Signatures.Count} disclosed statements, but the revealed document has {nonMandatory.Count}: it was changed after the proof was derived."));
        }

        var mandatoryHash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(proof.MandatoryIndexes.Order().Select(i => lines[i]))));
        return (new VerifyData(proofHash, mandatoryHash, lines, nonMandatory), null);
    }

    /// <summary>Verifies a derived proof (§3.4.7) over the inputs of <see cref="DataIntegrityCryptosuite.Configure"/>.</summary>
    /// <param name="inputs">The document and proof configuration.</param>
    /// <param name="proof">The parsed proof value.</param>
    /// <param name="method">The issuer's verification method (P-256).</param>
    /// <param name="context">The environment.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Null when it verifies, else the code and reason.</returns>
    /// <exception cref="ProofException">The document cannot be canonicalized.</exception>
    internal async ValueTask<Problem?> VerifyDerivedAsync(ProofInputs inputs, DerivedProof proof, Dids.VerificationMethod method, CryptosuiteContext context, CancellationToken cancellationToken)
    {
        var (data, problem) = await CreateVerifyDataAsync(inputs, proof, context, cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            return problem;
        }

        var (proofHash, mandatoryHash, nonMandatory) = (data.ProofHash, data.MandatoryHash, data.NonMandatory);
        var baseData = new byte[proofHash.Length + proof.PublicKey.Length + mandatoryHash.Length];
        proofHash.CopyTo(baseData, 0);
        proof.PublicKey.CopyTo(baseData, proofHash.Length);
        mandatoryHash.CopyTo(baseData, proofHash.Length + proof.PublicKey.Length);
        if (!VerifySignature(method, baseData, proof.BaseSignature))
        {
            return new Problem("signature.invalid", $"The ecdsa-sd-2023 base signature does not verify with the key of '{method.Id}': the mandatory statements or the proof were changed, or signed with another key.");
        }

        if (!EcMultikey.TryDecodeToJwk(Multibase.EncodeBase58Btc(proof.PublicKey), out var proofKey, out _) || JwsKeys.Str(proofKey, "crv") != "P-256")
        {
            return new Problem("signature.malformedProofValue", "The ecdsa-sd-2023 per-proof public key is not a P-256 Multikey.");
        }

        for (var i = 0; i < nonMandatory.Count; i++)
        {
            if (!VerifyEs256(proofKey, Encoding.UTF8.GetBytes(nonMandatory[i]), proof.Signatures[i]))
            {
                return new Problem("signature.invalid", $"The ecdsa-sd-2023 signature of disclosed statement {i} does not verify: the revealed document was changed after the proof was derived.");
            }
        }

        return null;
    }

    private static bool TryRelabel(Quad quad, IReadOnlyDictionary<string, string> labelMap, [NotNullWhen(true)] out Quad? relabelled)
    {
        relabelled = null;
        if (!TryMap(quad.Subject, out var s) || !TryMap(quad.Object, out var o))
        {
            return false;
        }

        RdfTerm? g = null;
        if (quad.Graph is { } graph && !TryMap(graph, out g))
        {
            return false;
        }

        relabelled = new Quad(s, quad.Predicate, o, g);
        return true;

        bool TryMap(RdfTerm term, [NotNullWhen(true)] out RdfTerm? mapped)
        {
            mapped = term;
            if (!term.IsBlankNode)
            {
                return true;
            }

            if (!labelMap.TryGetValue(term.Value, out var label))
            {
                mapped = null;
                return false;
            }

            mapped = RdfTerm.Blank(label);
            return true;
        }
    }

    private static bool VerifyEs256(JsonObject jwk, byte[] data, byte[] signature)
    {
        if (JwsKeys.Str(jwk, "crv") != "P-256" || !JwsPublicKey.TryFromJwk(jwk, out var key, out _))
        {
            return false;
        }

        using (key)
        {
            return JwsAlgorithm.Get(SignatureAlgorithms.Es256).Verify(key, data, signature, out _);
        }
    }

    /// <summary>The CBOR (RFC 8949) items a derived proof value uses: unsigned integers, byte strings, arrays and maps of definite length.</summary>
    private sealed class CborSubsetReader(byte[] data, int position)
    {
        private int _position = position;

        public bool AtEnd => _position == data.Length;

        public int ReadArrayLength() => Length(ReadHead(4));

        public int ReadMapLength() => Length(ReadHead(5));

        public ulong ReadUnsigned() => ReadHead(0);

        public byte[] ReadBytes()
        {
            var length = Length(ReadHead(2));
            if (length > data.Length - _position)
            {
                throw new FormatException("a byte string runs past the end");
            }

            var bytes = data.AsSpan(_position, length).ToArray();
            _position += length;
            return bytes;
        }

        private static int Length(ulong value) => value > 1_000_000 ? throw new FormatException("a length is too large") : (int)value;

        private ulong ReadHead(int majorType)
        {
            if (_position >= data.Length)
            {
                throw new FormatException("it ends early");
            }

            var initial = data[_position++];
            if (initial >> 5 != majorType)
            {
                throw new FormatException("an item is of CBOR major type " + (initial >> 5) + " where " + majorType + " is expected");
            }

            var info = initial & 0x1f;
            if (info < 24)
            {
                return (ulong)info;
            }

            var size = info switch
            {
                24 => 1,
                25 => 2,
                26 => 4,
                27 => 8,
                _ => throw new FormatException("indefinite or reserved lengths are not used"),
            };
            if (size > data.Length - _position)
            {
                throw new FormatException("it ends early");
            }

            ulong value = 0;
            for (var i = 0; i < size; i++)
            {
                value = (value << 8) | data[_position++];
            }

            return value;
        }
    }
}
