using System.Diagnostics.CodeAnalysis;
using MicroCredentials.VC.Dids;
using MicroCredentials.VC.JsonLd;
using MicroCredentials.VC.Status;
using C = MicroCredentials.VC.Verification.VerificationCheck;

namespace MicroCredentials.VC.Verification;

/// <summary>One stable code a verification report can carry: what it means and what to do about it.</summary>
/// <param name="Code">The code, e.g. <c>signature.invalid</c>: the check's name, a dot, and a name.</param>
/// <param name="Check">
/// The check the code belongs to: the one its prefix names (<c>issuanceDate.*</c> is <see cref="VerificationCheck.IssuanceDate"/>).
/// A few codes are also reported on another check: <c>format.unreadable</c> is the skip code of every check when the
/// document could not be read, and a <c>context.*</c> code raised while verifying a proof is a failure of the
/// <c>signature</c> check.
/// </param>
/// <param name="Meaning">What happened, for the person reading the report (an admissions officer or a developer).</param>
/// <param name="WhatToDo">What that person can do about it.</param>
public sealed record VerificationCode(string Code, VerificationCheck Check, string Meaning, string WhatToDo);

/// <summary>
/// The catalogue of every code the library writes in a <see cref="CheckResult.Code"/> (failed or skipped checks), one
/// entry per code. docs/verification-codes.md is generated from it.
/// </summary>
public static class VerificationCodes
{
    private const string AskIssuer = "Ask the issuer for a corrected credential; the credential cannot be accepted as it is.";
    private const string AskHolder = "Ask the holder for a new presentation made for this request.";
    private const string JsonLdFix = "The issuer must fix the credential's @context or JSON-LD structure and issue it again; the credential cannot be accepted as it is.";

    /// <summary>Every code, grouped by check in the order of <see cref="VerificationCheck"/>.</summary>
    public static IReadOnlyList<VerificationCode> All { get; } =
    [
        // format
        new("format.tooLarge", C.Format, "The document or token is larger than the verifier's size limit, so it was not read.", "Check that the right file was submitted. If genuine credentials are this large, raise InputLimits.MaxDocumentBytes (VerificationOptions.Limits)."),
        new("format.timeLimitExceeded", C.Format, "Verifying the document took longer than the verifier's time limit (InputLimits.MaxDuration), so it was stopped: the document may have been built to exhaust verifiers, or a DID document or status list was too slow to fetch.", "Treat as suspicious unless it is a genuine, very large credential or a slow network; then raise InputLimits.MaxDuration (VerificationOptions.Limits)."),
        new("format.nonFiniteNumber", C.Format, "A number in the document is outside the range of IEEE 754 double precision (e.g. 1e400): it has no single reading (JSON-LD would read 1e400 and 1e999 alike), so it is neither signed nor verified.", AskIssuer),
        new("format.notCanonicalizable", C.Format, "The document has no canonical JSON form (RFC 8785), so eddsa-jcs-2022 cannot hash it (a number outside the double range, a lone surrogate, nesting beyond JCS's limit).", AskIssuer),
        new("format.notJson", C.Format, "The input is neither JSON nor a compact JWS token (it may be truncated, or converted to another format).", "Ask for the original credential file (.json or .jwt), not a PDF, screenshot or copy-paste."),
        new("format.notAnObject", C.Format, "The input is JSON but not a credential object; in a presentation, an entry of verifiableCredential is neither a credential object nor an enveloped or compact JWS credential.", "Submit the credential itself (one JSON object). For a presentation, ask the holder to build it again with their wallet."),
        new("format.unsupportedSecuring", C.Format, "No securing mechanism this verifier accepts can read the document (it is not a Data Integrity credential, a JAdES seal or a vc+jwt token it is configured for).", "Check how the credential is secured and that the verifier's options enable that mechanism; otherwise ask the issuer for a supported form."),
        new("format.unreadable", C.Format, "The document could not be read, so this check did not run. It is the skip code of every check after the document failed to be read.", "Look at the check that failed (usually format or signature) for the cause, and resolve that first."),
        new("format.missingContext", C.Format, "The document has no @context.", AskIssuer),
        new("format.invalidContext", C.Format, "@context is not an array that starts with the VC base context, or an entry is neither a URL nor a context object.", AskIssuer),
        new("format.missingBaseContext", C.Format, "The first @context entry is not the VC 2.0 or VC 1.1 base context.", AskIssuer),
        new("format.mixedContext", C.Format, "The VC 1.1 and VC 2.0 base contexts are mixed or repeated.", AskIssuer),
        new("format.missingType", C.Format, "The document has no type.", AskIssuer),
        new("format.invalidType", C.Format, "type is not a string or an array of strings.", AskIssuer),
        new("format.notACredential", C.Format, "type does not include VerifiableCredential: the document is not a verifiable credential.", "Check that a credential (not another kind of document) was submitted; otherwise ask the issuer for a corrected credential."),
        new("format.notAPresentation", C.Format, "type does not include VerifiablePresentation: the document is not a verifiable presentation.", "Check that a presentation was submitted, or verify the document as a credential."),
        new("format.invalidId", C.Format, "The document's id is not a URL.", AskIssuer),
        new("format.missingIssuer", C.Format, "The credential names no issuer.", AskIssuer),
        new("format.invalidIssuer", C.Format, "issuer is not a URL, or an object whose id is a URL.", AskIssuer),
        new("format.missingIssuanceDate", C.Format, "A VC 1.1 credential has no issuanceDate.", AskIssuer),
        new("format.validityOrder", C.Format, "validUntil is earlier than validFrom: the credential is never valid.", AskIssuer),
        new("format.missingSubject", C.Format, "The credential has no credentialSubject.", AskIssuer),
        new("format.invalidSubject", C.Format, "credentialSubject is not an object or a non-empty array of objects.", AskIssuer),
        new("format.emptySubject", C.Format, "A credentialSubject makes no claim.", AskIssuer),
        new("format.invalidSubjectId", C.Format, "credentialSubject.id is not a URL.", AskIssuer),
        new("format.invalidDate", C.Format, "A date (e.g. validFrom, validUntil, issuanceDate) is not an XML Schema dateTime with a time zone, e.g. 2026-06-30T10:00:00Z.", AskIssuer),
        new("format.invalidCredentialStatus", C.Format, "A credentialStatus entry is not an object with a type.", AskIssuer),
        new("format.invalidCredentialSchema", C.Format, "A credentialSchema entry is not an object with a type and an id that is a URL.", AskIssuer),
        new("format.invalidEvidence", C.Format, "An evidence entry is not an object with a type, or its id is not a URL.", AskIssuer),
        new("format.invalidTermsOfUse", C.Format, "A termsOfUse entry is not an object with a type, or its id is not a URL.", AskIssuer),
        new("format.invalidRefreshService", C.Format, "A refreshService entry is not an object with a type, or its id is not a URL.", AskIssuer),
        new("format.invalidName", C.Format, "The credential's name is not a string or language value objects.", AskIssuer),
        new("format.invalidDescription", C.Format, "The credential's description is not a string or language value objects.", AskIssuer),
        new("format.invalidHolder", C.Format, "The presentation's holder is not a URL, or an object whose id is a URL.", AskHolder),
        new("format.invalidEnvelopedCredential", C.Format, "An EnvelopedVerifiableCredential in the presentation has an id that is not a data: URL.", AskHolder),
        new("format.invalidVerifiableCredential", C.Format, "An entry of the presentation's verifiableCredential is not an object, or is neither a verifiable credential nor an EnvelopedVerifiableCredential.", AskHolder),
        new("format.credentialAsString", C.Format, "The presentation carries a credential as a string; VC 2.0 presentations carry objects (an EnvelopedVerifiableCredential for a JWT).", AskHolder),
        new("format.encryptedJwt", C.Format, "The token is an encrypted JWT (JWE); only signed JWS tokens are verified.", "Ask for the signed credential rather than an encrypted one."),
        new("format.malformedJws", C.Format, "The token is not a compact JWS: it does not have three base64url segments, or its header is not a JSON object.", "Check that the whole token was copied; otherwise ask the issuer for the token again."),
        new("format.payloadNotJson", C.Format, "The JWS payload is not a JSON object (a credential or presentation).", AskIssuer),
        new("format.jwsType", C.Format, "The JWS typ header is missing or is not the one for a credential (vc+jwt) or presentation (vp+jwt).", AskIssuer),
        new("format.jwsContentType", C.Format, "The JWS content type (cty) is present but not vc (or vp for a presentation).", AskIssuer),
        new("format.jwtVcClaim", C.Format, "A vc+jwt or vp+jwt claims set carries a vc or vp claim; in VC-JOSE-COSE the payload itself is the credential.", AskIssuer),
        new("format.jwtClaimMismatch", C.Format, "JWT claims (iss, sub, jti, nbf, exp) contradict the credential properties they stand for (VC 1.1 JWT).", AskIssuer),
        new("format.jwtNumericDate", C.Format, "A JWT date claim (iat, nbf, exp) is not a NumericDate (seconds since 1970).", AskIssuer),
        new("format.envelope", C.Format, "An EnvelopedVerifiableCredential's id is not a data: URL carrying a credential type this library knows (application/vc+jwt).", AskHolder),

        // context
        new("context.missing", C.Context, "The document has no @context, so its terms cannot be interpreted.", AskIssuer),
        new("context.unknown", C.Context, "A @context URL is not known to the document loader (contexts are not fetched from the network unless allowed).", "If the context is legitimate, add it to the verifier's document loader (or allow remote loading); otherwise ask the issuer which context is meant."),
        new("context.processingError", C.Context, "JSON-LD processing failed unexpectedly (not a JSON-LD error code).", "Report the credential and the detail to the library's maintainers; meanwhile the credential cannot be accepted."),
        new("context.undefinedTerms", C.Context, "A warning, not a failure: in a credential whose signature covers its bytes (JAdES, vc+jwt), some terms are defined by no context, so JSON-LD readers drop them. What was signed is not in doubt; only what those terms mean.", "Nothing is needed to accept the credential. If you rely on those terms, ask the issuer for a context that defines them."),
        new("context.nonStandardTerm", C.Context, "The signed data holds a property that the JSON shows under a non-standard member name (an alias), so a reader of the JSON would miss it. Also raised on the signature check for proof terms.", "Treat as suspicious: the credential's JSON hides part of what was signed. Ask the issuer for a credential that uses the standard terms."),
        new("context.unsignedContext", C.Context, "The proof (eddsa-jcs-2022) signs the document with fewer @context entries than it shows, and the extra, unsigned entries change what the signed JSON means as JSON-LD.", "Treat as suspicious: someone added contexts after signing. Use the credential as the issuer signed it, without the added contexts."),
        new("context.viewMismatch", C.Context, "What the JSON shows (e.g. type, issuer, dates, subject or a proof term) is not what was signed. Also raised on the signature check for proof terms.", "Treat as suspicious: do not rely on the JSON. Ask the issuer for a correctly issued credential."),
        .. JsonLdEntries(),

        // signature
        new("signature.missing", C.Signature, "The credential or presentation has no proof, seal or signature: it is not secured.", "Ask for the signed credential file as issued; an unsigned document proves nothing."),
        new("signature.invalid", C.Signature, "The signature does not verify with the key it names: the document was changed after signing, or was signed with another key.", "Do not accept the credential. Ask for the original file from the issuer or holder; if it is the original, contact the issuer."),
        new("signature.processingError", C.Signature, "The securing (proof, seal or token) could not be processed because of an unexpected error.", "Report the credential and the detail to the library's maintainers; meanwhile the credential cannot be accepted."),
        new("signature.unsupportedFormat", C.Signature, "The credential is secured in a form this version does not verify (SD-JWT or COSE).", "Ask the issuer for a Data Integrity, JAdES or vc+jwt version of the credential."),
        new("signature.malformedProof", C.Signature, "proof is not an object or an array of objects, or (when signing) an existing proof lacks its type or proofPurpose, so no proof is added to it.", AskIssuer),
        new("signature.unsupportedCryptosuite", C.Signature, "The proof's cryptosuite is not one the verifier allows.", "Ask the issuer which cryptosuite was used; enable it in the verifier's options only if it is acceptable."),
        new("signature.unsupportedProofType", C.Signature, "The proof's type is not supported (DataIntegrityProof with an allowed cryptosuite is expected).", AskIssuer),
        new("signature.proofType", C.Signature, "The proof's type is not the one the cryptosuite requires.", AskIssuer),
        new("signature.cryptosuite", C.Signature, "The proof's cryptosuite is not the one the selected suite implements.", AskIssuer),
        new("signature.created", C.Signature, "The proof's created value is not an XML Schema dateTime with a time zone.", AskIssuer),
        new("signature.proofContext", C.Signature, "The proof's @context does not match the start of the document's @context.", AskIssuer),
        new("signature.missingProofValue", C.Signature, "The proof has no proofValue (no signature).", AskIssuer),
        new("signature.malformedProofValue", C.Signature, "The proofValue is not a base58btc multibase signature of the length the suite and key call for (Ed25519 and ECDSA P-256: 64 bytes; ECDSA P-384: 96).", AskIssuer),
        new("signature.missingVerificationMethod", C.Signature, "The proof names no verificationMethod, so the key is unknown.", AskIssuer),
        new("signature.missingProofPurpose", C.Signature, "The proof has no proofPurpose.", AskIssuer),
        new("signature.malformedPreviousProof", C.Signature, "previousProof is not a proof id or an array of proof ids.", AskIssuer),
        new("signature.missingPreviousProof", C.Signature, "A proof refers to a previous proof that is not in the document (a proof chain is broken).", "Ask for the complete credential with all its proofs."),
        new("signature.previousProof", C.Signature, "A proof's previous proof is not in the document, so the chained proof cannot be checked.", "Ask for the complete credential with all its proofs."),
        new("signature.canonicalization", C.Signature, "The credential could not be canonicalized (RDF) for signature checking.", AskIssuer),
        new(DidCodes.InvalidDid, C.Signature, "The verification method names something that is not a valid DID, so its key cannot be found.", AskIssuer),
        new(DidCodes.MethodNotSupported, C.Signature, "The key's DID uses a method this verifier does not resolve (did:web needs a resource resolver; other methods are not supported).", "For did:web, give the verifier the DID document (mcred verify --resource URL=FILE, or an HttpResourceResolver); otherwise ask the issuer for a credential signed with did:key, did:jwk or did:web."),
        new(DidCodes.NotFound, C.Signature, "The key's DID document could not be retrieved.", "Check the resource resolver (the did.json file or the issuer's web server); if the issuer's site is down, try later."),
        new(DidCodes.InvalidDocument, C.Signature, "The key's DID document is not a valid DID document.", "Contact the issuer: their DID document is broken, so none of their credentials can be verified."),
        new(DidCodes.IdMismatch, C.Signature, "The DID document served is for another DID than the one the key names.", "Check that the resource resolver serves the right file for that URL; otherwise contact the issuer."),
        new("signature.keyResolution", C.Signature, "The key named by the proof or token could not be resolved (neither a DID URL nor an https URL of a controller document, or its DID or document could not be fetched).", "Check the verifier's DID resolver and resource resolver (network access, did:web hosting); if the issuer's DID is down, try later or contact the issuer."),
        new("signature.invalidControllerDocument", C.Signature, "The https controller document (W3C Controlled Identifiers 1.0) that should hold the key breaks the rules: it is not JSON, its id is not the URL it was fetched from, or the key names another controller.", "Contact the issuer: the document at that URL does not vouch for the key. Do not accept the credential until then."),
        new("signature.keyNotFound", C.Signature, "The issuer's DID document (or controller document) has no verification method with the id the proof names.", "Contact the issuer: the key may have been removed or renamed. Do not accept the credential until then."),
        new("signature.unsupportedKey", C.Signature, "The verification method holds no key this library can use for the algorithm (Ed25519 for the eddsa suites, ECDSA P-256/P-384 for the ecdsa suites, or EC P-256/P-384/P-521 for JWS).", "Ask the issuer which key type is used; the credential cannot be verified with this library as it is."),
        new("signature.algorithmMissing", C.Signature, "The JWS header names no algorithm (alg).", AskIssuer),
        new("signature.algorithmNone", C.Signature, "The JWS is unsecured (alg none): it carries no signature.", "Do not accept it: an unsecured token proves nothing. Ask for a signed credential."),
        new("signature.algorithmSymmetric", C.Signature, "The JWS uses a shared-secret MAC (HS256 etc.) instead of the issuer's private key.", "Do not accept it: anyone holding the secret could have made it. Ask the issuer for a properly signed credential."),
        new("signature.algorithmNotAllowed", C.Signature, "The signature algorithm is not one the verifier allows.", "Ask the issuer which algorithm is used; allow it only if it is acceptable."),
        new("signature.algorithmKeyMismatch", C.Signature, "The JWS algorithm does not fit the key it names (e.g. ES256 with a P-384 key).", AskIssuer),
        new("signature.noKeyId", C.Signature, "The JWS does not say which key signed it (no kid, or a relative kid with no issuer or holder to resolve it against).", AskIssuer),
        new("signature.unknownCritical", C.Signature, "The JWS or seal marks a header parameter as critical that this verifier does not understand, so it must be rejected.", AskIssuer),
        new("signature.malformedCritical", C.Signature, "The crit header of the seal is not a non-empty array of distinct extension parameter names.", AskIssuer),
        new("signature.criticalHeaderMissing", C.Signature, "The seal's crit header lists a parameter that the protected header does not contain.", AskIssuer),
        new("signature.b64NotCritical", C.Signature, "The seal uses the b64 header parameter (unencoded payload) without listing it in crit, as RFC 7797 requires.", AskIssuer),
        new("signature.unprotectedCritical", C.Signature, "crit or b64 is in the seal's unprotected header; they must be protected.", AskIssuer),
        new("signature.duplicateHeader", C.Signature, "A seal header parameter is both in the protected and the unprotected header.", AskIssuer),
        new("signature.malformedSeal", C.Signature, "The JAdES seal is not a JWS JSON serialization (no payload, or no or mixed signatures).", AskIssuer),
        new("signature.malformedHeader", C.Signature, "A seal's protected or unprotected header is missing or malformed (e.g. b64 not boolean, sigT not a UTC date-time).", AskIssuer),
        new("signature.malformedPayload", C.Signature, "The seal's payload is not base64url-encoded JSON (or, unencoded, not JSON).", AskIssuer),
        new("signature.malformedSignature", C.Signature, "A seal's signature value is missing or not base64url.", AskIssuer),
        new("signature.missingAlgorithm", C.Signature, "A seal's protected header has no alg.", AskIssuer),
        new("signature.noCertificate", C.Signature, "A seal's protected header has no x5c certificate chain, so the sealing key is unknown.", AskIssuer),
        new("signature.badCertificate", C.Signature, "An x5c entry of the seal is not a base64 DER X.509 certificate.", AskIssuer),
        new("signature.thumbprintMismatch", C.Signature, "The seal's x5t#S256 is not the thumbprint of its x5c leaf certificate: the header names two different certificates.", "Treat as suspicious and do not accept the credential; contact the issuer."),
        new("signature.keyAlgorithmMismatch", C.Signature, "The seal certificate's key does not fit the seal's algorithm.", AskIssuer),
        new("signature.contentTimestampInvalid", C.Signature, "The seal's signed content time-stamp (adoTst) is invalid or does not cover the payload.", AskIssuer),
        new("signature.wrongPurpose", C.Signature, "No proof of the presentation has purpose authentication.", AskHolder),
        new("signature.notAuthenticationMethod", C.Signature, "The key that signed the presentation is not listed under authentication by its controller, so it cannot authenticate the holder.", AskHolder),
        new("signature.holderMismatch", C.Signature, "The presentation token's iss is not the presentation's holder.", AskHolder),
        new("signature.challengeMissing", C.Signature, "The verifier asked for a challenge, but the presentation token has no nonce (it may be replayed).", AskHolder),
        new("signature.challengeRequired", C.Signature, "The presentation was verified without the challenge the verifier sent the holder, so it could be a replay of a presentation made for another request.", "Give the challenge (mcred verify --challenge); only when the presentation is bound to the request otherwise, opt out (--no-challenge, AllowPresentationWithoutChallenge)."),
        new("signature.challengeMismatch", C.Signature, "The presentation's challenge (nonce) is not the one the verifier gave: it was made for another request, or replayed.", AskHolder),
        new("signature.missingChallenge", C.Signature, "The verifier asked for a challenge, but the presentation's proof has none (it may be replayed).", AskHolder),
        new("signature.domainMissing", C.Signature, "The verifier asked for a domain, but the presentation token has no aud.", AskHolder),
        new("signature.domainMismatch", C.Signature, "The presentation's domain (aud) is not the verifier's: it was made for another verifier.", AskHolder),
        new("signature.missingDomain", C.Signature, "The verifier asked for a domain, but the presentation's proof names none.", AskHolder),
        new("signature.presentationExpired", C.Signature, "The presentation token has expired (exp).", AskHolder),
        new("signature.presentationNotYetValid", C.Signature, "The presentation token's nbf or iat is in the future.", "Check the verifier's clock; otherwise ask the holder for a new presentation."),

        // issuer
        new("issuer.missing", C.Issuer, "The credential names no issuer, so no key can be bound to one.", AskIssuer),
        new("issuer.issMismatch", C.Issuer, "The token's iss claim is not the credential's issuer.", "Treat as suspicious: the token was signed by someone other than the named issuer. Do not accept it."),
        new("issuer.keyUnresolved", C.Issuer, "The signing key could not be resolved, so it cannot be bound to the issuer.", "See the signature check's detail for why the key could not be resolved."),
        new("issuer.noAssertionProof", C.Issuer, "No proof with purpose assertionMethod binds a key to the issuer.", AskIssuer),
        new("issuer.controllerMismatch", C.Issuer, "The signing key is controlled by someone other than the credential's issuer.", "Do not accept the credential: it was not signed by its named issuer."),
        new("issuer.notAssertionMethod", C.Issuer, "The issuer's DID or controller document does not list the signing key under assertionMethod.", "Contact the issuer: the key may have been withdrawn, or was never meant to sign credentials."),
        new("issuer.notChecked", C.Issuer, "The seal names no usable certificate, or its signature does not verify, so its binding to the issuer was not checked.", "See the signature check for the cause."),
        new("issuer.noOrganizationIdentifier", C.Issuer, "The seal certificate has no organizationIdentifier, so it cannot be bound to the issuer's legal identifier.", "Ask the issuer to seal with a qualified seal certificate that carries an organizationIdentifier."),
        new("issuer.noLegalIdentifier", C.Issuer, "The issuer is not an organisation with a legal identifier (eIDAS identifier, registration or VAT number) to compare with the seal certificate.", AskIssuer),
        new("issuer.organizationMismatch", C.Issuer, "The seal certificate's organizationIdentifier matches none of the issuer's legal identifiers: it was sealed by another organisation.", "Do not accept the credential: it was not sealed by its named issuer."),
        new("issuer.holderNotProved", C.Issuer, "The presentation's signing key has no known controller, or the holder's proof did not verify, so no key is bound to the holder.", AskHolder),
        new("issuer.holderMismatch", C.Issuer, "The key that signed the presentation is not controlled by the presentation's holder.", "Do not accept the presentation: it was not made by its named holder."),

        // accreditation
        new("accreditation.noTrustRegistry", C.Accreditation, "No trust registry was given, so the issuer's accreditation was not checked.", "Pass a trust registry (or --trust FILE) if accreditation matters for the decision."),
        new("accreditation.noIssuer", C.Accreditation, "The credential names no issuer to look up in the trust registry.", AskIssuer),
        new("accreditation.notListed", C.Accreditation, "The issuer is not in the trust registry.", "Check that the registry is the right and current one; if the issuer is genuinely accredited, get the registry updated."),
        new("accreditation.outsideValidity", C.Accreditation, "The issuer is in the trust registry, but not accredited at the time checked.", "Check the accreditation period in the registry against the credential's dates."),
        new("accreditation.notAccreditedWhenSigned", C.Accreditation, "The issuer is accredited now, but was not when the credential says it was signed.", "Check the accreditation period in the registry; a credential signed before accreditation is not accredited."),
        new("accreditation.registryError", C.Accreditation, "The trust registry could not decide (it failed with an error).", "Check the registry's configuration and availability, then verify again."),
        new("accreditation.noCertificate", C.Accreditation, "The seal names no usable certificate, so no chain can be built to the trust anchors.", "See the signature check for the cause."),
        new("accreditation.signatureInvalid", C.Accreditation, "The seal's signature does not verify, so its certificate chain does not vouch for the credential.", "See the signature check for the cause."),
        new("accreditation.chainInvalid", C.Accreditation, "The seal's certificate chain could not be processed, or a certificate's signature in it is invalid.", "Do not accept the credential; contact the issuer about its seal certificate."),
        new("accreditation.untrustedChain", C.Accreditation, "The seal certificate does not chain to any of the given trust anchors.", "Check that the right trust anchors (e.g. the EU trusted lists) are configured; otherwise the sealer is not trusted."),
        new("accreditation.certificateNotTimeValid", C.Accreditation, "A certificate of the seal's chain was not valid at the time checked (expired or not yet valid).", "Contact the issuer: the seal certificate was not valid when it was used or checked."),
        new("accreditation.keyUsage", C.Accreditation, "The seal certificate's key usage allows neither nonRepudiation nor digitalSignature: it is not a seal certificate.", "Ask the issuer to seal with a proper seal certificate."),
        new("accreditation.notApplicable", C.Accreditation, "A presentation has no accreditation of its own; each credential inside has its own result.", "See the report of each credential inside the presentation."),

        // learner
        new("learner.missing", C.Learner, "The credential has no credential subject, so no learner.", AskIssuer),
        new("learner.notIdentified", C.Learner, "The credential subject has no identifier and no name: the learner is not identified.", AskIssuer),
        new("learner.mismatch", C.Learner, "The learner is not the one the verifier expected (neither the id nor any identifier matches; for a presentation, the holder).", "Check that the expected learner was given correctly; otherwise the credential belongs to someone else."),
        new("learner.holderNotProved", C.Learner, "The holder's proof did not verify, so control of the learners' identifiers is not proved.", "See the signature check for the cause, and ask the holder for a new presentation."),
        new("learner.unreadableCredential", C.Learner, "A credential in the presentation could not be read, so its learner cannot be bound to the holder.", "See that credential's report for the cause."),
        new("learner.subjectWithoutId", C.Learner, "A credential subject in the presentation has no id (DID), so the holder cannot prove to be that learner.", "Decide by other means whether the holder is the learner; a DID-bound credential is needed for proof."),
        new("learner.notHolder", C.Learner, "A credential in the presentation was issued to someone other than the holder who signed it.", "Do not accept the credential as the holder's own."),

        // issuanceDate
        new("issuanceDate.missing", C.IssuanceDate, "The credential has neither validFrom nor issuanceDate.", AskIssuer),
        new("issuanceDate.invalid", C.IssuanceDate, "validFrom or issuanceDate is not an XML Schema dateTime with a time zone.", AskIssuer),
        new("issuanceDate.future", C.IssuanceDate, "The credential's validFrom or issuanceDate is in the future: it is not valid yet.", "Check the verifier's clock; otherwise verify again after that date."),
        new("issuanceDate.notYetValid", C.IssuanceDate, "The token's nbf (not before) is in the future.", "Check the verifier's clock; otherwise verify again after that time."),
        new("issuanceDate.proofInFuture", C.IssuanceDate, "The proof says it was created later than now.", "Check the verifier's clock; otherwise ask the issuer (or holder) about the proof's date."),
        new("issuanceDate.proofAfterExpiry", C.IssuanceDate, "The proof was created after the credential had expired.", "Do not accept the credential; ask the issuer for a new one."),
        new("issuanceDate.notDated", C.IssuanceDate, "The presentation's proof does not say when it was made.", "Nothing to do unless freshness matters; then ask for a presentation with a dated proof or a challenge."),

        // expiry
        new("expiry.expired", C.Expiry, "The credential (or token) has expired.", "Ask the learner for a current credential, or the issuer for a renewed one."),
        new("expiry.invalid", C.Expiry, "validUntil or expirationDate is not an XML Schema dateTime with a time zone.", AskIssuer),
        new("expiry.proofExpired", C.Expiry, "The presentation's proof has expired.", AskHolder),

        // status
        new(StatusCodes.Revoked, C.Status, "The issuer has revoked the credential.", "Do not accept the credential. Contact the issuer if you need to know why."),
        new(StatusCodes.Suspended, C.Status, "The issuer has suspended the credential (it may be reinstated).", "Do not accept it for now; contact the issuer or verify again later."),
        new(StatusCodes.MalformedEntry, C.Status, "A credentialStatus entry is not a well-formed BitstringStatusListEntry.", AskIssuer),
        new(StatusCodes.UnsupportedType, C.Status, "A credentialStatus entry has a type this library cannot check (e.g. StatusList2021Entry), so the status is unknown.", "Check the status by other means (ask the issuer), or ask for a credential with a Bitstring Status List entry."),
        new(StatusCodes.UnsupportedStatusSize, C.Status, "A revocation or suspension entry uses a status size other than 1 bit, which is not supported.", AskIssuer),
        new(StatusCodes.RetrievalFailed, C.Status, "The status list could not be fetched, so the status is unknown.", "Check network access and the verifier's resource resolver, then verify again; if it persists, contact the issuer."),
        new(StatusCodes.NotAStatusList, C.Status, "The fetched status list is not a BitstringStatusListCredential.", "Contact the issuer: the status list URL serves something else."),
        new(StatusCodes.ListNotVerified, C.Status, "The status list credential does not verify (format, context, signature or key binding).", "Contact the issuer; treat the status as unknown."),
        new(StatusCodes.IssuerMismatch, C.Status, "The status list was issued by someone other than the credential's issuer.", "Treat the status as unknown and contact the issuer."),
        new(StatusCodes.ListNotYetValid, C.Status, "The status list credential is not valid yet (validFrom in the future).", "Check the verifier's clock; otherwise verify again later."),
        new(StatusCodes.AllocationMalformed, C.Status, "The status list's private allocation record (the issuer's file of used indexes) is malformed; this is reported when issuing, not in a verification report.", "Restore the allocation record from a backup, or create a new status list; never reuse indexes by guessing."),
        new(StatusCodes.ListExpired, C.Status, "The status list credential has expired, so it is not current.", "Verify again later, or contact the issuer to publish a current list."),
        new(StatusCodes.PurposeMismatch, C.Status, "The status list's purpose (revocation or suspension) is not the entry's.", AskIssuer),
        new(StatusCodes.ListMalformed, C.Status, "The status list credential's subject is malformed (no BitstringStatusList subject or no encodedList).", "Contact the issuer: their status list is broken."),
        new(StatusCodes.NotMultibase, C.Status, "The status list's encodedList is not multibase base64url (it must start with u).", "Contact the issuer: their status list is broken."),
        new(StatusCodes.NotBase64Url, C.Status, "The status list's encodedList is not unpadded base64url.", "Contact the issuer: their status list is broken."),
        new(StatusCodes.NotGzip, C.Status, "The status list's encodedList is not valid GZIP data.", "Contact the issuer: their status list is broken."),
        new(StatusCodes.ListTooLarge, C.Status, "The status list decompresses to more than the allowed size, so it was refused.", "Contact the issuer; treat the status as unknown."),
        new(StatusCodes.ListTooShort, C.Status, "The status list is shorter than the minimum of 131,072 entries.", "Contact the issuer: their status list is not compliant."),
        new(StatusCodes.IndexOutOfRange, C.Status, "The credential's status index is outside the status list.", AskIssuer),
        new("status.statusListNotFollowed", C.Status, "This status list credential was verified for another credential's status; its own credentialStatus is not followed.", "Nothing to do: this is expected when checking a status list."),
        new("status.notApplicable", C.Status, "A presentation has no status; each credential inside has its own.", "See the report of each credential inside the presentation."),

        // elements
        new("elements.unknownProfile", C.Elements, "The credential is not in a micro-credential profile this library reads (Europass EDC, Open Badges 3.0), so the Council Recommendation elements were not checked.", "Check whether the credential is meant to be a micro-credential; if so, ask the issuer for an EDC or Open Badges 3.0 version."),
        new("elements.missing", C.Elements, "Mandatory Council Recommendation elements are missing or malformed (the detail lists them).", "Ask the issuer for a credential with every mandatory element, or decide whether the missing ones matter to you."),
        new("elements.notRequired", C.Elements, "Mandatory elements are missing or malformed, but the caller did not require them, so the check is skipped.", "Require the elements (RequireMicroCredentialElements, --require-elements) if they matter to the decision."),
        new("elements.notApplicable", C.Elements, "A presentation has no elements of its own; each credential inside has its own result.", "See the report of each credential inside the presentation."),
    ];

    // After All: static initializers run in textual order.
    private static readonly Dictionary<string, VerificationCode> ByCode = Index();

    /// <summary>Looks up a code.</summary>
    /// <param name="code">A code from a report, e.g. <c>status.revoked</c>.</param>
    /// <param name="entry">The catalogue entry, when the code is known.</param>
    /// <returns><see langword="true"/> when the catalogue has the code.</returns>
    public static bool TryGet(string code, [NotNullWhen(true)] out VerificationCode? entry)
    {
        ArgumentNullException.ThrowIfNull(code);
        return ByCode.TryGetValue(code, out entry);
    }

    /// <summary>The code of a JSON-LD error, as the <c>context</c> check reports it: <c>context.</c> and the code with spaces replaced by dashes.</summary>
    internal static string JsonLdCode(string jsonLdErrorCode) => "context." + jsonLdErrorCode.Replace(' ', '-');

    private static Dictionary<string, VerificationCode> Index()
    {
        var index = new Dictionary<string, VerificationCode>(StringComparer.Ordinal);
        foreach (var entry in All)
        {
            index.TryAdd(entry.Code, entry);
        }

        return index;
    }

    private static VerificationCode JsonLd(string jsonLdErrorCode, string meaning, string? whatToDo = null) =>
        new(JsonLdCode(jsonLdErrorCode), C.Context, "JSON-LD error \"" + jsonLdErrorCode + "\": " + meaning, whatToDo ?? JsonLdFix);

    private static VerificationCode Safe(string jsonLdErrorCode, string meaning) =>
        new(JsonLdCode(jsonLdErrorCode), C.Context, "JSON-LD safe mode, \"" + jsonLdErrorCode + "\": " + meaning + " Safe mode refuses this so that nothing signed is silently dropped or left undefined.", "The issuer must define every term and type in a @context (with absolute IRIs) and issue the credential again; the credential cannot be accepted as it is.");

    private static IEnumerable<VerificationCode> JsonLdEntries() =>
    [
        JsonLd(JsonLdErrorCode.CollidingKeywords, "two properties expand to the same keyword."),
        JsonLd(JsonLdErrorCode.ConflictingIndexes, "conflicting indexes were found for the same node."),
        JsonLd(JsonLdErrorCode.ContextOverflow, "too many @context URLs were included (recursive context inclusion)."),
        JsonLd(JsonLdErrorCode.CyclicIriMapping, "term definitions in the @context refer to each other in a cycle."),
        JsonLd(JsonLdErrorCode.InvalidIdValue, "an @id value is not a string."),
        JsonLd(JsonLdErrorCode.InvalidImportValue, "an @import value in a context is not valid."),
        JsonLd(JsonLdErrorCode.InvalidIncludedValue, "an @included block holds an invalid value."),
        JsonLd(JsonLdErrorCode.InvalidIndexValue, "an @index value is not a string."),
        JsonLd(JsonLdErrorCode.InvalidNestValue, "an @nest value is not valid."),
        JsonLd(JsonLdErrorCode.InvalidPrefixValue, "an @prefix value in a context is not true or false."),
        JsonLd(JsonLdErrorCode.InvalidPropagateValue, "an @propagate value in a context is not true or false."),
        JsonLd(JsonLdErrorCode.InvalidProtectedValue, "an @protected value in a context is not true or false."),
        JsonLd(JsonLdErrorCode.InvalidReverseValue, "an @reverse value is not valid."),
        JsonLd(JsonLdErrorCode.InvalidVersionValue, "an @version value in a context is not 1.1."),
        JsonLd(JsonLdErrorCode.InvalidBaseDirection, "an @direction value is not ltr, rtl or null."),
        JsonLd(JsonLdErrorCode.InvalidBaseIri, "the base IRI is not valid."),
        JsonLd(JsonLdErrorCode.InvalidContainerMapping, "an @container value in a term definition is not valid."),
        JsonLd(JsonLdErrorCode.InvalidContextEntry, "a context entry is not allowed in the processing mode."),
        JsonLd(JsonLdErrorCode.InvalidContextNullification, "the document tries to reset a context that has protected terms."),
        JsonLd(JsonLdErrorCode.InvalidDefaultLanguage, "the default @language of a context is not a string or null."),
        JsonLd(JsonLdErrorCode.InvalidIriMapping, "a term in a context has an invalid or missing IRI."),
        JsonLd(JsonLdErrorCode.InvalidJsonLiteral, "a JSON literal value is not valid."),
        JsonLd(JsonLdErrorCode.InvalidKeywordAlias, "a keyword alias in a context is not valid."),
        JsonLd(JsonLdErrorCode.InvalidLanguageMapValue, "a value in a language map is not a string."),
        JsonLd(JsonLdErrorCode.InvalidLanguageMapping, "an @language in a term definition is not a string or null."),
        JsonLd(JsonLdErrorCode.InvalidLanguageTaggedString, "a language-tagged string has an invalid language."),
        JsonLd(JsonLdErrorCode.InvalidLanguageTaggedValue, "a number, true or false carries a language tag."),
        JsonLd(JsonLdErrorCode.InvalidLocalContext, "a @context is not a URL, an object or an array of them."),
        JsonLd(JsonLdErrorCode.InvalidRemoteContext, "a referenced remote context is not a valid context document."),
        JsonLd(JsonLdErrorCode.InvalidReverseProperty, "a reverse property definition is not valid."),
        JsonLd(JsonLdErrorCode.InvalidReversePropertyMap, "a reverse property map is not valid."),
        JsonLd(JsonLdErrorCode.InvalidReversePropertyValue, "a value of a reverse property is not valid."),
        JsonLd(JsonLdErrorCode.InvalidScopedContext, "a context defined inside a term definition is not valid."),
        JsonLd(JsonLdErrorCode.InvalidSetOrListObject, "a set or list object has entries that are not allowed."),
        JsonLd(JsonLdErrorCode.InvalidTermDefinition, "a term definition in a context is not valid."),
        JsonLd(JsonLdErrorCode.InvalidTypeMapping, "an @type in a term definition cannot be expanded to an IRI."),
        JsonLd(JsonLdErrorCode.InvalidTypeValue, "an @type value is not valid."),
        JsonLd(JsonLdErrorCode.InvalidTypedValue, "a typed value has an invalid type."),
        JsonLd(JsonLdErrorCode.InvalidValueObject, "a value object has entries that are not allowed."),
        JsonLd(JsonLdErrorCode.InvalidValueObjectValue, "the @value of a value object is not valid."),
        JsonLd(JsonLdErrorCode.InvalidVocabMapping, "an @vocab in a context is not valid."),
        JsonLd(JsonLdErrorCode.IriConfusedWithPrefix, "an IRI could be mistaken for a compact IRI with the same prefix."),
        JsonLd(JsonLdErrorCode.KeywordRedefinition, "a context tries to redefine a keyword."),
        JsonLd(JsonLdErrorCode.LoadingDocumentFailed, "a context document could not be loaded (it is not bundled, and remote loading is off) or is not JSON.", "If the context is legitimate, add it to the verifier's document loader (or allow remote loading); otherwise ask the issuer which context is meant."),
        JsonLd(JsonLdErrorCode.LoadingRemoteContextFailed, "a remote context could not be loaded.", "Check the verifier's document loader and network access; if the context is legitimate, add it to the loader."),
        JsonLd(JsonLdErrorCode.MultipleContextLinkHeaders, "a context was served with more than one JSON-LD context Link header.", "Contact whoever hosts the context: its server answers with conflicting headers."),
        JsonLd(JsonLdErrorCode.ProcessingModeConflict, "the document's processing mode conflicts with the one in use."),
        JsonLd(JsonLdErrorCode.ProtectedTermRedefinition, "the document tries to redefine a protected term of a standard context (e.g. of the VC base context)."),
        JsonLd(JsonLdErrorCode.WorkLimitExceeded, "the document needs more JSON-LD work (values expanded, quads produced) than the verifier's limits allow.", "Treat as suspicious (a document built to exhaust the verifier), or raise InputLimits.MaxJsonLdNodes / MaxQuads if genuine credentials are this large."),
        JsonLd(JsonLdErrorCode.NonFiniteNumber, "a number is outside the IEEE 754 double range, so it has no RDF literal."),
        JsonLd(JsonLdErrorCode.MaxDepthExceeded, "the document nests deeper than the processor allows.", "Treat as suspicious (a document built to exhaust the verifier), or raise the JSON-LD depth limit if genuine credentials are this deep."),
        Safe(JsonLdErrorCode.SafeInvalidProperty, "a property is not defined by any @context (it does not expand to an absolute IRI)."),
        Safe(JsonLdErrorCode.SafeRelativeIdReference, "an @id is a relative reference that cannot be resolved."),
        Safe(JsonLdErrorCode.SafeRelativeTypeReference, "a type is a relative reference that cannot be resolved (the type is not defined by any @context)."),
        Safe(JsonLdErrorCode.SafeRelativeVocabReference, "an @vocab is relative."),
        Safe(JsonLdErrorCode.SafeInvalidLanguageValue, "a language tag is not well-formed (BCP 47)."),
        Safe(JsonLdErrorCode.SafeReservedTerm, "a term or value looks like a keyword (starts with @) but is not one."),
        Safe(JsonLdErrorCode.SafeReservedIdValue, "an @id looks like a keyword."),
        Safe(JsonLdErrorCode.SafeReservedReverseValue, "an @reverse value looks like a keyword."),
        Safe(JsonLdErrorCode.SafeEmptyObject, "an empty object would be dropped."),
        Safe(JsonLdErrorCode.SafeFreeFloatingScalar, "a value outside any property would be dropped."),
        Safe(JsonLdErrorCode.SafeNullIdValue, "an @id is null."),
        Safe(JsonLdErrorCode.SafeNullValueValue, "a value object with a null @value would be dropped."),
        Safe(JsonLdErrorCode.SafeObjectWithOnlyId, "a top-level object with only an @id would be dropped."),
        Safe(JsonLdErrorCode.SafeObjectWithOnlyLanguage, "an object with only @language would be dropped."),
        Safe(JsonLdErrorCode.SafeObjectWithOnlyList, "a list outside any property would be dropped."),
        Safe(JsonLdErrorCode.SafeObjectWithOnlyValue, "a value outside any subject would be dropped."),
        Safe(JsonLdErrorCode.SafeBlankNodePredicate, "a property is a blank node, so its statements would be dropped."),
        Safe(JsonLdErrorCode.SafeRelativeGraphReference, "a graph name is a relative IRI, so its statements would be dropped."),
        Safe(JsonLdErrorCode.SafeRelativePropertyReference, "a property is a relative IRI, so its statements would be dropped."),
        Safe(JsonLdErrorCode.SafeRelativeSubjectReference, "a subject is a relative IRI, so its statements would be dropped."),
        Safe(JsonLdErrorCode.SafeRelativeTypeReferenceRdf, "a type or datatype is a relative IRI, so the statement would be dropped."),
        Safe(JsonLdErrorCode.SafeRelativeObjectReference, "an object is a relative IRI, so the statement would be dropped."),
    ];
}
