using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Profiles;
using MicroCredentials.VC.Tests.Model;
using MicroCredentials.VC.Tests.TestSupport;

namespace MicroCredentials.VC.Tests.Profiles;

public class EdcProfileTests
{
    internal const string IssuerDid = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    internal const string CredentialId = "urn:uuid:6e1c1ab8-4d1b-4b52-9c1d-2f4f4a3c0a11";

    internal static readonly CredentialOptions FixedOptions = new()
    {
        IssuerId = IssuerDid,
        CredentialId = CredentialId,
        IssuedAt = new DateTimeOffset(2026, 6, 30, 10, 0, 0, TimeSpan.Zero),
    };

    internal static readonly string[] SampleNames = ["university-data-science", "vocational-welding-hours", "rpl-project-management"];

    private static IEnumerable<TestCaseData> Samples() =>
        SampleNames.Select(n => new TestCaseData(n).SetName("Sample_" + n));

    internal static JsonObject Issue(string sample, CredentialOptions? options = null) =>
        EdcProfile.Instance.ToCredential(MicroCredentialTests.LoadSample(sample), options ?? FixedOptions);

    [Test]
    public void ToCredential_Envelope_IsVc11WithEdcContextTypeSchemaAndProfile()
    {
        var vc = Issue("university-data-science");

        Assert.That(vc["@context"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EqualTo(new[] { EdcProfile.VcV1Context, EdcProfile.EdcContext }));
        Assert.That(vc["type"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EqualTo(new[] { "VerifiableCredential", "EuropeanDigitalCredential" }));
        Assert.That(vc["id"]!.GetValue<string>(), Is.EqualTo(CredentialId));
        Assert.That(vc["credentialSchema"]!["id"]!.GetValue<string>(), Is.EqualTo("http://data.europa.eu/snb/model/ap/edc-generic-full"));
        Assert.That(vc["credentialSchema"]!["type"]!.GetValue<string>(), Is.EqualTo("ShaclValidator2017"));
        Assert.That(vc["credentialProfiles"]!["id"]!.GetValue<string>(), Is.EqualTo("http://data.europa.eu/snb/credential/e34929035b"));
        Assert.That(vc["issuer"]!["id"]!.GetValue<string>(), Is.EqualTo(IssuerDid));
        Assert.That(vc["issuer"]!["location"]!["address"]!["countryCode"]!["id"]!.GetValue<string>(), Is.EqualTo("http://publications.europa.eu/resource/authority/country/BEL"));
        foreach (var name in new[] { "issued", "issuanceDate", "validFrom" })
        {
            Assert.That(vc[name]!.GetValue<string>(), Is.EqualTo("2026-06-30T10:00:00Z"), name);
        }

        Assert.That(vc["displayParameter"]!["primaryLanguage"]!["id"]!.GetValue<string>(), Is.EqualTo("http://publications.europa.eu/resource/authority/language/ENG"));
        Assert.That(vc["credentialSubject"]!["id"]!.GetValue<string>(), Is.EqualTo("did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH"));
        Assert.That(vc.ContainsKey("expirationDate"), Is.False);
    }

    [Test]
    public void ToCredential_Claim_CarriesTheElementsAtTheirElmPaths()
    {
        var claim = Issue("university-data-science")["credentialSubject"]!["hasClaim"]!;
        var spec = claim["specifiedBy"]!;

        Assert.That(claim["type"]!.GetValue<string>(), Is.EqualTo("LearningAchievement"));
        Assert.That(claim["awardedBy"]!["awardingBody"]!["legalName"]!["nl"]!.GetValue<string>(), Is.EqualTo("Voorbeelduniversiteit Leuven"));
        Assert.That(spec["type"]!.GetValue<string>(), Is.EqualTo("Qualification"));
        Assert.That(spec["creditPoint"]!["point"]!.GetValue<string>(), Is.EqualTo("5"));
        Assert.That(spec["creditPoint"]!["framework"]!["id"]!.GetValue<string>(), Is.EqualTo(EuVocabularies.Ects.Id));
        Assert.That(spec["volumeOfLearning"]!.GetValue<string>(), Is.EqualTo("PT140H"));
        Assert.That(spec["eqfLevel"]!["id"]!.GetValue<string>(), Is.EqualTo("http://data.europa.eu/snb/eqf/7"));
        Assert.That(spec["eqfLevel"]!["inScheme"]!["id"]!.GetValue<string>(), Is.EqualTo("http://data.europa.eu/snb/eqf/25831c2"));
        Assert.That(spec["mode"]!["id"]!.GetValue<string>(), Is.EqualTo("http://data.europa.eu/snb/learning-assessment/e92d221e4d"));
        Assert.That(spec["learningSetting"]!["id"]!.GetValue<string>(), Is.EqualTo("http://data.europa.eu/snb/learning-setting/6fd4685715"));
        Assert.That(spec["learningOutcome"]!.AsArray(), Has.Count.EqualTo(3));
        Assert.That(spec["learningOutcome"]![0]!["relatedESCOSkill"]!["id"]!.GetValue<string>(), Does.StartWith("http://data.europa.eu/esco/skill/"));
        Assert.That(spec["entryRequirement"]!["type"]!.GetValue<string>(), Is.EqualTo("Note"));
        Assert.That(spec["isPartialQualification"]!.GetValue<bool>(), Is.True);
        Assert.That(spec["accreditation"]!["accreditingAgent"]!["legalName"]!["en"]!.GetValue<string>(), Does.Contain("NVAO"));
        Assert.That(claim["provenBy"]!["specifiedBy"]!["dcType"]!["id"]!.GetValue<string>(), Is.EqualTo("http://data.europa.eu/snb/assessment/795dac4096"));
        Assert.That(claim["provenBy"]!["grade"]!["noteLiteral"]!["en"]!.GetValue<string>(), Is.EqualTo("16/20"));
        Assert.That(claim["provenBy"]!["idVerification"]!["id"]!.GetValue<string>(), Is.EqualTo(EuVocabularies.Supervision.SupervisedWithIdentityCheck.Id));
        Assert.That(claim["influencedBy"], Is.Null, "no provider other than the awarding body");
    }

    [TestCaseSource(nameof(Samples))]
    public void ToCredential_MandatoryElmProperties_ArePresent(string sample)
    {
        // SHACL EDC-generic-no-cv.ttl: the 1..1 and 1..* properties this library can always fill.
        var vc = Issue(sample);
        foreach (var name in new[] { "credentialProfiles", "credentialSchema", "displayParameter", "issuer", "credentialSubject", "issued", "validFrom" })
        {
            Assert.That(vc[name], Is.Not.Null, name);
        }

        Assert.That(vc["displayParameter"]!["title"], Is.Not.Null);
        Assert.That(vc["displayParameter"]!["primaryLanguage"], Is.Not.Null);
        Assert.That(vc["displayParameter"]!["language"], Is.Not.Null);
        var claim = vc["credentialSubject"]!["hasClaim"]!;
        Assert.That(claim["title"], Is.Not.Null);
        var body = claim["awardedBy"]!["awardingBody"]!;
        Assert.That(body["legalName"], Is.Not.Null);
        Assert.That(body["location"]!["address"]!["countryCode"], Is.Not.Null);
        Assert.That(vc["issuer"]!["legalName"], Is.Not.Null);
        Assert.That(vc["issuer"]!["location"], Is.Not.Null);
        Assert.That(claim["provenBy"]!["title"], Is.Not.Null);
        Assert.That(claim["provenBy"]!["grade"], Is.Not.Null, "the samples all have a grade");
        Assert.That(claim["provenBy"]!["awardedBy"]!["awardingBody"], Is.Not.Null);
        foreach (var registration in new[] { body["registration"], body["vatIdentifier"] }.OfType<JsonNode>())
        {
            Assert.That(registration["notation"], Is.Not.Null);
            Assert.That(registration["spatial"], Is.Not.Null);
        }
    }

    [Test]
    public void ToCredential_Country_IsTheAuthorityConceptWithItsLabel()
    {
        var country = Issue("vocational-welding-hours")["issuer"]!["location"]!["address"]!["countryCode"]!;
        Assert.That(country["id"]!.GetValue<string>(), Is.EqualTo("http://publications.europa.eu/resource/authority/country/DEU"));
        Assert.That(country["inScheme"]!["id"]!.GetValue<string>(), Is.EqualTo("http://publications.europa.eu/resource/authority/country"));
        Assert.That(country["prefLabel"]!["en"]!.GetValue<string>(), Is.EqualTo("Germany"));
    }

    [Test]
    public void ToCredential_ProviderAndExpiry_BecomeActivityAndExpirationDate()
    {
        var vc = Issue("vocational-welding-hours");
        var claim = vc["credentialSubject"]!["hasClaim"]!;

        Assert.That(claim["influencedBy"]!["type"]!.GetValue<string>(), Is.EqualTo("LearningActivity"));
        Assert.That(claim["influencedBy"]!["directedBy"]!["legalName"]!["en"]!.GetValue<string>(), Is.EqualTo("Bildungszentrum Metall GmbH"));
        Assert.That(vc["expirationDate"]!.GetValue<string>(), Is.EqualTo("2029-11-20T00:00:00Z"));
        Assert.That(vc["validUntil"]!.GetValue<string>(), Is.EqualTo("2029-11-20T00:00:00Z"));
        Assert.That(vc["issued"]!.GetValue<string>(), Is.EqualTo("2026-11-20T08:00:00Z"), "the model's issuedOn wins over IssuedAt");
        Assert.That(vc["credentialSubject"]!["id"]!.GetValue<string>(), Is.EqualTo("urn:epass:person:1"));
        Assert.That(vc["credentialSubject"]!["nationalID"]!["spatial"]!["id"]!.GetValue<string>(), Does.EndWith("/DEU"));
        Assert.That(claim["specifiedBy"]!["creditPoint"], Is.Null);
        Assert.That(claim["specifiedBy"]!["volumeOfLearning"]!.GetValue<string>(), Is.EqualTo("PT80H"));
    }

    [Test]
    public void ToCredential_DataIntegrityContext_IsAddedLast()
    {
        var vc = Issue("university-data-science", FixedOptions with { IncludeDataIntegrityContext = true });
        Assert.That(vc["@context"]!.AsArray().Select(c => c!.GetValue<string>()).Last(), Is.EqualTo("https://w3id.org/security/data-integrity/v2"));
    }

    [Test]
    public void ToCredential_CredentialId_FallsBackToModelIdThenNewUuid()
    {
        var model = MicroCredentialTests.LoadSample("university-data-science");
        var noId = FixedOptions with { CredentialId = null };

        Assert.That(EdcProfile.Instance.ToCredential(model with { Id = "urn:example:mc:1" }, noId)["id"]!.GetValue<string>(), Is.EqualTo("urn:example:mc:1"));
        var generated = EdcProfile.Instance.ToCredential(model, noId)["id"]!.GetValue<string>();
        Assert.That(generated, Does.StartWith("urn:uuid:"));
        Assert.That(Guid.TryParse(generated["urn:uuid:".Length..], out _), Is.True);
    }

    [Test]
    public void ToCredential_IssuedAt_IsUsedWhenTheModelHasNoIssuedOn()
    {
        var model = MicroCredentialTests.LoadSample("university-data-science") with { IssuedOn = null };
        var vc = EdcProfile.Instance.ToCredential(model, FixedOptions with { IssuedAt = new DateTimeOffset(2026, 7, 1, 14, 30, 0, TimeSpan.FromHours(2)) });
        Assert.That(vc["issued"]!.GetValue<string>(), Is.EqualTo("2026-07-01T12:30:00Z"));
        Assert.That(vc["validFrom"]!.GetValue<string>(), Is.EqualTo("2026-07-01T12:30:00Z"));
    }

    [TestCaseSource(nameof(Samples))]
    public void ToCredential_IsDeterministic(string sample)
    {
        var first = Issue(sample).ToJsonString();
        var second = Issue(sample).ToJsonString();
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void ToCredential_InvalidModel_ThrowsListingEveryError()
    {
        var ex = Assert.Throws<ArgumentException>(() => EdcProfile.Instance.ToCredential(new MicroCredential(), FixedOptions));
        Assert.That(ex!.ParamName, Is.EqualTo("model"));
        Assert.That(ex.Message, Does.Contain("learner").And.Contain("title").And.Contain("learningOutcomes").And.Contain("qualityAssurance"));
    }

    [Test]
    public void ToCredential_InvalidModel_MessageHasNoPersonalData()
    {
        var model = MicroCredentialTests.LoadSample("university-data-science") with { LearningOutcomes = [] };
        var ex = Assert.Throws<ArgumentException>(() => EdcProfile.Instance.ToCredential(model, FixedOptions));
        Assert.That(ex!.Message, Does.Not.Contain("Andromeda").And.Not.Contain("1999"));
    }

    [TestCase("not a uri", TestName = "ToCredential_IssuerIdNotAUri_Throws")]
    [TestCase("", TestName = "ToCredential_IssuerIdEmpty_Throws")]
    public void ToCredential_BadIssuerId_Throws(string issuerId) =>
        Assert.Throws<ArgumentException>(() => Issue("university-data-science", FixedOptions with { IssuerId = issuerId }));

    [Test]
    public void ToCredential_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => EdcProfile.Instance.ToCredential(null!, FixedOptions));
        Assert.Throws<ArgumentNullException>(() => EdcProfile.Instance.ToCredential(new MicroCredential(), null!));
        Assert.Throws<ArgumentNullException>(() => EdcProfile.Instance.FromCredential(null!));
    }

    [TestCaseSource(nameof(Samples))]
    public void ToCredential_EveryNodeHasIdAndType(string sample)
    {
        var missing = new List<string>();
        Walk(Issue(sample)["credentialSubject"]!, "credentialSubject", missing);
        Walk(Issue(sample)["issuer"]!, "issuer", missing);
        Walk(Issue(sample)["displayParameter"]!, "displayParameter", missing);
        Assert.That(missing, Is.Empty);

        static void Walk(JsonNode node, string path, List<string> missing)
        {
            if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    Walk(item!, path, missing);
                }
            }
            else if (node is JsonObject o && !IsLanguageMap(path))
            {
                if (!o.ContainsKey("id") || !o.ContainsKey("type"))
                {
                    missing.Add(path);
                }

                foreach (var (key, value) in o)
                {
                    Walk(value!, path + "." + key, missing);
                }
            }
        }

        static bool IsLanguageMap(string path) =>
            path.Split('.')[^1] is "title" or "legalName" or "noteLiteral" or "prefLabel" or "fullName" or "givenName" or "familyName" or "description" or "geographicName";
    }

    [TestCaseSource(nameof(Samples))]
    public void ToCredential_UsesOnlyTermsTheContextsDefine(string sample)
    {
        var terms = ContextTerms.Load();
        var undefined = new List<string>();
        Check(Issue(sample, FixedOptions with { IncludeDataIntegrityContext = true }), string.Empty, undefined);
        Assert.That(undefined, Is.Empty);

        void Check(JsonNode? node, string path, List<string> found)
        {
            switch (node)
            {
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Check(item, path, found);
                    }

                    break;
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        if (key.StartsWith('@'))
                        {
                            continue;
                        }

                        if (!terms.TryGetValue(key, out var languageMap))
                        {
                            found.Add(path + key);
                        }
                        else if (!languageMap)
                        {
                            Check(value, path + key + ".", found);
                        }
                    }

                    break;
            }
        }
    }

    [TestCaseSource(nameof(Samples))]
    public void RoundTrip_SampleModel_GivesAnEqualModelAndNoUnmappedNotes(string sample)
    {
        var model = MicroCredentialTests.LoadSample(sample) with { Id = CredentialId };
        var result = EdcProfile.Instance.FromCredential(EdcProfile.Instance.ToCredential(model, FixedOptions));

        Assert.That(result.Unmapped, Is.Empty);
        Assert.That(MicroCredentialJson.Serialize(result.Model), Is.EqualTo(MicroCredentialJson.Serialize(model)));
        Assert.That(result.Model.Title, Is.EqualTo(model.Title));
        Assert.That(result.Model.Workload, Is.EqualTo(model.Workload));
        Assert.That(result.Model.Participation, Is.EqualTo(model.Participation));
        Assert.That(result.Model.Validate().IsValid, Is.True);
    }

    [Test]
    public void RoundTrip_AwardingBodyWithItsOwnId_KeepsIt()
    {
        var model = MicroCredentialTests.LoadSample("university-data-science");
        model = model with { Id = CredentialId, AwardingBody = model.AwardingBody! with { Id = "did:web:uni.example.edu" } };
        var vc = EdcProfile.Instance.ToCredential(model, FixedOptions);
        var back = EdcProfile.Instance.FromCredential(vc);

        Assert.That(vc["issuer"]!["id"]!.GetValue<string>(), Is.EqualTo(IssuerDid));
        Assert.That(back.Model.AwardingBody!.Id, Is.EqualTo("did:web:uni.example.edu"));
        Assert.That(MicroCredentialJson.Serialize(back.Model), Is.EqualTo(MicroCredentialJson.Serialize(model)));
    }

    [Test]
    public void RoundTrip_FractionalHoursAndOtherCredits()
    {
        var model = MicroCredentialTests.LoadSample("vocational-welding-hours") with
        {
            Id = CredentialId,
            Workload = new Workload { Hours = 7.75m, OtherCredits = new CreditPoints(EuVocabularies.Ecvet, 2.5m) },
        };
        var vc = EdcProfile.Instance.ToCredential(model, FixedOptions);
        Assert.That(vc["credentialSubject"]!["hasClaim"]!["specifiedBy"]!["volumeOfLearning"]!.GetValue<string>(), Is.EqualTo("PT7H45M"));
        var back = EdcProfile.Instance.FromCredential(vc);
        Assert.That(back.Model.Workload, Is.EqualTo(model.Workload));
    }

    [Test]
    public void Golden_UniversityDataScience_MatchesTheCommittedFile()
    {
        var path = Shared.Repo("tests", "MicroCredentials.VC.Tests", "Profiles", "Golden", "edc-university-data-science.json");
        var actual = Issue("university-data-science").ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        if (Environment.GetEnvironmentVariable("MCRED_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            Assert.Pass("golden file rewritten: " + path);
        }

        Assert.That(File.Exists(path), Is.True, "missing golden file; run with MCRED_UPDATE_GOLDEN=1 to create it");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(path).ReplaceLineEndings("\n")));
    }
}

/// <summary>The terms the VC 1.1, ELM edc-ap and Data Integrity v2 contexts define, and whether each is a language map.</summary>
internal static class ContextTerms
{
    public static Dictionary<string, bool> Load()
    {
        var terms = new Dictionary<string, bool>(StringComparer.Ordinal);
        Add(Shared.Vectors("contexts", "credentials-v1.jsonld"));
        Add(Shared.Path("anchors", "edc", "elm-v3", "edc-ap-context.jsonld"));
        Add(Shared.Vectors("contexts", "data-integrity-v2.jsonld"));
        return terms;

        void Add(string file)
        {
            var context = JsonNode.Parse(File.ReadAllText(file))!["@context"]!.AsObject();
            AddFrom(context);
            // VC 1.1 defines its credential terms in the type-scoped context of VerifiableCredential.
            if (context["VerifiableCredential"]?["@context"] is JsonObject scoped)
            {
                AddFrom(scoped);
            }
        }

        void AddFrom(JsonObject context)
        {
            foreach (var (key, value) in context)
            {
                if (!key.StartsWith('@'))
                {
                    terms[key] = value is JsonObject d && d["@container"]?.GetValue<string>() == "@language";
                }
            }
        }
    }
}
