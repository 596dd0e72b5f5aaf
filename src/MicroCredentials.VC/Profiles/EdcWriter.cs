using System.Globalization;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Model;

namespace MicroCredentials.VC.Profiles;

/// <summary>Builds one EDC credential from a valid model. Node identifiers come from per-kind counters, so output is deterministic.</summary>
internal sealed class EdcWriter(MicroCredential model, CredentialOptions options)
{
    private readonly Dictionary<string, int> _counters = new(StringComparer.Ordinal);
    private readonly string _language = model.Title!.Language;

    public JsonObject Write()
    {
        var m = model;
        var issued = XsdDateTime.Format(m.IssuedOn ?? options.IssuedAt);
        var contexts = new JsonArray(EdcProfile.VcV1Context, EdcProfile.EdcContext);
        if (options.IncludeDataIntegrityContext)
        {
            contexts.Add((JsonNode)EdcProfile.DataIntegrityContext);
        }

        var awardingBodyId = m.AwardingBody!.Id ?? options.IssuerId;
        var awardingBody = Organisation(m.AwardingBody, awardingBodyId);
        var issuer = awardingBodyId == options.IssuerId ? (JsonObject)awardingBody.DeepClone() : Organisation(m.AwardingBody, options.IssuerId);

        var root = new JsonObject
        {
            ["@context"] = contexts,
            ["id"] = options.CredentialId ?? m.Id ?? "urn:uuid:" + Guid.NewGuid().ToString("D"),
            ["type"] = new JsonArray("VerifiableCredential", EdcProfile.CredentialType),
            ["credentialProfiles"] = ConceptNode(EuVocabularies.GenericCredential),
            ["credentialSchema"] = new JsonObject { ["id"] = EdcProfile.ShaclSchema, ["type"] = "ShaclValidator2017" },
            ["displayParameter"] = DisplayParameter(),
            ["issuer"] = issuer,
            ["issued"] = issued,
            ["issuanceDate"] = issued,
            ["validFrom"] = issued,
        };

        if (m.ExpiresOn is { } expires)
        {
            root["expirationDate"] = XsdDateTime.Format(expires);
            root["validUntil"] = XsdDateTime.Format(expires);
        }

        root["credentialSubject"] = Person(m.Learner!, Achievement(awardingBody));
        return root;
    }

    private string NextId(string kind)
    {
        _counters.TryGetValue(kind, out var n);
        _counters[kind] = ++n;
        return EdcVocabulary.LocalPrefix + kind + ":" + n.ToString(CultureInfo.InvariantCulture);
    }

    private JsonObject DisplayParameter()
    {
        var title = model.Title!;
        var node = Node("displayParameter", "DisplayParameter");
        node["title"] = Text(title);
        Add(node, "description", model.Description is null ? null : Text(model.Description));
        var languages = new List<JsonNode>();
        foreach (var language in title.Languages)
        {
            if (LanguageNode(language) is { } concept && !languages.Exists(l => l["id"]!.GetValue<string>() == concept["id"]!.GetValue<string>()))
            {
                languages.Add(concept);
            }
        }

        Add(node, "language", OneOrMany(languages));
        Add(node, "primaryLanguage", LanguageNode(title.Language));
        return node;
    }

    private JsonObject Person(Learner learner, JsonObject achievement)
    {
        var node = new JsonObject { ["id"] = learner.Id ?? NextId("person"), ["type"] = "Person" };
        Add(node, "identifier", OneOrMany(learner.Identifiers.Select(IdentifierNode)));
        Add(node, "nationalID", learner.NationalId is { } nid ? LegalIdentifier(nid.Value, nid.Country, nid.Scheme) : null);
        Add(node, "fullName", Name(learner.FullName));
        Add(node, "givenName", Name(learner.GivenName));
        Add(node, "familyName", Name(learner.FamilyName));
        if (learner.DateOfBirth is { } dob)
        {
            // ELM types dateOfBirth as xsd:dateTime; the calendar date at midnight UTC.
            node["dateOfBirth"] = dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
        }

        Add(node, "contactPoint", ContactPoint(learner.Email));
        node["hasClaim"] = achievement;
        return node;
    }

    private JsonObject Achievement(JsonObject awardingBody)
    {
        var m = model;
        var process = Node("awardingProcess", "AwardingProcess");
        process["awardingBody"] = awardingBody;
        if (m.AwardedOn is { } awarded)
        {
            process["awardingDate"] = XsdDateTime.Format(awarded);
        }

        var node = Node("learningAchievement", "LearningAchievement");
        node["title"] = Text(m.Title!);
        Add(node, "description", m.Description is null ? null : Text(m.Description));
        Add(node, "additionalNote", m.FurtherInformation?.Note is { } note ? Note(note) : null);
        node["awardedBy"] = process;
        Add(node, "provenBy", Assessment(m.Assessment, process));
        Add(node, "influencedBy", Activity(m.Provider, process));
        node["specifiedBy"] = Qualification();
        return node;
    }

    private JsonObject? Assessment(Assessment? assessment, JsonObject process)
    {
        if (assessment is null)
        {
            return null;
        }

        var title = assessment.Type?.Label ?? (assessment.Type is { } t ? EdcVocabulary.KnownAssessmentLabel(t.Id) : null) ?? model.Title!;
        var node = Node("learningAssessment", "LearningAssessment");
        node["title"] = Text(title);
        Add(node, "grade", assessment.Grade is { } grade ? Note(grade.Value) : null);
        Add(node, "idVerification", assessment.Supervision is { } supervision ? ConceptNode(supervision) : null);
        node["awardedBy"] = process.DeepClone();

        var spec = Node("learningAssessmentSpec", "LearningAssessmentSpecification");
        spec["title"] = Text(title);
        Add(spec, "description", assessment.Description is null ? null : Text(assessment.Description));
        Add(spec, "dcType", assessment.Type is { } type ? ConceptNode(type) : null);
        if (assessment.Grade?.Scheme is { } scheme)
        {
            var grading = Node("gradingScheme", "GradingScheme");
            grading["title"] = Text(scheme);
            spec["gradingScheme"] = grading;
        }

        node["specifiedBy"] = spec;
        return node;
    }

    private JsonObject? Activity(Organisation? provider, JsonObject process)
    {
        if (provider is null)
        {
            return null;
        }

        var node = Node("activity", "LearningActivity");
        node["title"] = Text(model.Title!);
        node["awardedBy"] = process.DeepClone();
        node["directedBy"] = Organisation(provider, provider.Id ?? NextId("org"));
        return node;
    }

    private JsonObject Qualification()
    {
        var m = model;
        var node = Node("qualification", "Qualification");
        node["title"] = Text(m.Title!);
        Add(node, "language", OneOrMany(m.Languages.Select(LanguageNode).OfType<JsonNode>()));

        var outcomes = new JsonArray();
        foreach (var outcome in m.LearningOutcomes)
        {
            var lo = Node("learningOutcome", "LearningOutcome");
            lo["title"] = Text(outcome.Title!);
            Add(lo, "relatedESCOSkill", OneOrMany(outcome.EscoSkills.Select(s => (JsonNode)ConceptNode(new Concept(s)))));
            outcomes.Add((JsonNode)lo);
        }

        node["learningOutcome"] = outcomes;

        var credits = new List<JsonNode>();
        if (m.Workload?.Ects is { } ects)
        {
            credits.Add(CreditPoint(EuVocabularies.Ects, ects));
        }

        if (m.Workload?.OtherCredits is { } other)
        {
            credits.Add(CreditPoint(other.Framework, other.Points));
        }

        Add(node, "creditPoint", OneOrMany(credits));
        Add(node, "volumeOfLearning", m.Workload?.Hours is { } hours ? Duration(hours) : null);

        if (m.Level is { } level)
        {
            Add(node, "eqfLevel", level.Eqf is { } eqf ? ConceptNode(EuVocabularies.EqfLevel(eqf)) : null);
            Add(node, "nqfLevel", level.Nqf is { } nqf ? ConceptNode(nqf) : null);
            Add(node, "thematicArea", OneOrMany(level.IscedFields.Select(code => (JsonNode)ConceptNode(EuVocabularies.IscedF(code)))));
        }

        if (m.Participation is { } participation)
        {
            node["mode"] = ConceptNode(EuVocabularies.Of(participation.Mode));
            Add(node, "learningSetting", participation.Setting is { } setting ? ConceptNode(EuVocabularies.Of(setting)) : null);
        }

        Add(node, "entryRequirement", m.Prerequisites is { } prerequisites ? Note(prerequisites) : null);

        if (m.Stackability is { } stack)
        {
            if (stack.IsPartialQualification is { } partial)
            {
                node["isPartialQualification"] = partial;
            }

            Add(node, "isPartOf", OneOrMany(stack.PartOf.Select(RelatedQualification)));
            Add(node, "additionalNote", stack.Description is { } description ? Note(description, EdcVocabulary.StackabilityNoteSubject) : null);
        }

        Add(node, "accreditation", Accreditation(m.QualityAssurance));
        Add(node, "homepage", m.FurtherInformation?.Homepage is { } homepage ? WebResource(homepage) : null);
        return node;
    }

    private JsonNode RelatedQualification(RelatedCredential related)
    {
        JsonObject node;
        if (related.Id is { } id && ModelValidator.IsAbsoluteUri(id) && !EdcVocabulary.IsLocalId(id))
        {
            node = new JsonObject { ["id"] = id, ["type"] = "Qualification" };
        }
        else
        {
            node = Node("qualification", "Qualification");
            if (related.Id is { } notation)
            {
                var identifier = Node("identifier", "Identifier");
                identifier["notation"] = notation;
                node["identifier"] = identifier;
            }
        }

        node["title"] = Text(related.Title);
        return node;
    }

    private JsonObject? Accreditation(QualityAssurance? qa)
    {
        if (qa?.Description is null)
        {
            return null;
        }

        var node = Node("accreditation", "Accreditation");
        Add(node, "dcType", qa.Type is { } type ? ConceptNode(type) : null);
        node["title"] = Text(qa.Description);
        Add(node, "accreditingAgent", qa.Agency is { } agency ? Organisation(agency, agency.Id ?? NextId("org")) : null);
        Add(node, "report", qa.ReportUrl is { } report ? WebResource(report) : null);
        return node;
    }

    private JsonObject Organisation(Organisation org, string id)
    {
        var node = new JsonObject { ["id"] = id, ["type"] = "Organisation" };
        Add(node, "legalName", org.LegalName is null ? null : Text(org.LegalName));
        if (org.Country is not null || org.Region is not null)
        {
            var location = Node("location", "Location");
            Add(location, "geographicName", org.Region is null ? null : Text(LocalizedText.Of(org.Region, _language)));
            if (CountryNode(org.Country) is { } country)
            {
                var address = Node("address", "Address");
                address["countryCode"] = country;
                location["address"] = address;
            }

            node["location"] = location;
        }

        Add(node, "registration", org.LegalIdentifier is { } legal ? LegalIdentifier(legal, org.Country) : null);
        Add(node, "vatIdentifier", org.VatIdentifier is { } vat ? LegalIdentifier(vat, org.Country) : null);
        Add(node, "eIDASIdentifier", org.EidasIdentifier is { } eidas ? LegalIdentifier(eidas, org.Country) : null);
        Add(node, "homepage", org.Homepage is { } homepage ? WebResource(homepage) : null);
        Add(node, "contactPoint", ContactPoint(org.Email));
        return node;
    }

    private JsonObject? ContactPoint(string? email)
    {
        if (email is null)
        {
            return null;
        }

        var node = Node("contactPoint", "ContactPoint");
        node["emailAddress"] = new JsonObject { ["id"] = "mailto:" + email, ["type"] = "Mailbox" };
        return node;
    }

    private JsonNode IdentifierNode(Identifier identifier)
    {
        if (identifier.Country is not null)
        {
            return LegalIdentifier(identifier.Value, identifier.Country, identifier.Scheme);
        }

        var node = Node("identifier", "Identifier");
        node["notation"] = identifier.Value;
        Add(node, "schemeName", identifier.Scheme);
        return node;
    }

    private JsonObject LegalIdentifier(string value, string? country, string? scheme = null)
    {
        var node = Node("legalIdentifier", "LegalIdentifier");
        node["notation"] = value;
        Add(node, "schemeName", scheme);
        Add(node, "spatial", CountryNode(country));
        return node;
    }

    private JsonObject CreditPoint(Concept framework, decimal points)
    {
        var node = Node("creditPoint", "CreditPoint");
        node["framework"] = ConceptNode(framework);
        node["point"] = EdcFormat.Decimal(points);
        return node;
    }

    private JsonObject WebResource(Uri uri)
    {
        var node = Node("webResource", "WebResource");
        node["contentURL"] = uri.OriginalString;
        return node;
    }

    private JsonObject Note(LocalizedText text, Concept? subject = null)
    {
        var node = Node("note", "Note");
        node["noteLiteral"] = Text(text);
        Add(node, "subject", subject is null ? null : ConceptNode(subject));
        return node;
    }

    private JsonObject? CountryNode(string? alpha2)
    {
        if (!CountryCodes.TryGetAlpha3(alpha2, out var alpha3))
        {
            return null;
        }

        var node = new JsonObject
        {
            ["id"] = EuVocabularies.CountryAuthority + alpha3.ToUpperInvariant(),
            ["type"] = "Concept",
            ["inScheme"] = new JsonObject { ["id"] = EdcVocabulary.CountryScheme, ["type"] = "ConceptScheme" },
            ["notation"] = "country",
        };
        if (EdcVocabulary.CountryName(alpha2!) is { } name)
        {
            node["prefLabel"] = new JsonObject { ["en"] = name };
        }

        return node;
    }

    private static JsonObject? LanguageNode(string tag)
    {
        if (!EdcVocabulary.TryGetLanguage(tag, out var uri, out var name))
        {
            return null;
        }

        return new JsonObject
        {
            ["id"] = uri,
            ["type"] = "Concept",
            ["inScheme"] = new JsonObject { ["id"] = EdcVocabulary.LanguageScheme, ["type"] = "ConceptScheme" },
            ["notation"] = "language",
            ["prefLabel"] = new JsonObject { ["en"] = name },
        };
    }

    /// <summary>A concept as the samples write it: id, type, inScheme (when the list is known) and prefLabel (when the model has a label).</summary>
    private JsonObject ConceptNode(Concept concept)
    {
        var id = concept.Id;
        string? notation = null;
        if (!ModelValidator.IsAbsoluteUri(id))
        {
            // Keep the document valid JSON-LD: a concept needs an absolute IRI; the given code becomes its notation.
            notation = id;
            id = NextId("concept");
        }

        var node = new JsonObject { ["id"] = id, ["type"] = "Concept" };
        if (EdcVocabulary.SchemeOf(id) is { } scheme)
        {
            node["inScheme"] = new JsonObject { ["id"] = scheme, ["type"] = "ConceptScheme" };
        }

        Add(node, "notation", notation);
        Add(node, "prefLabel", concept.Label is null ? null : Text(concept.Label));
        return node;
    }

    private JsonObject Node(string kind, string type) => new() { ["id"] = NextId(kind), ["type"] = type };

    private JsonObject? Name(string? name) => name is null ? null : new JsonObject { [_language] = name };

    private static JsonObject Text(LocalizedText text)
    {
        var node = new JsonObject();
        foreach (var (language, value) in text)
        {
            node[language] = value;
        }

        return node;
    }

    private static string Duration(decimal hours)
    {
        if (decimal.Truncate(hours) == hours)
        {
            return "PT" + EdcFormat.Decimal(hours) + "H";
        }

        // xsd:duration allows a fraction only on seconds.
        var whole = decimal.Truncate(hours);
        var minutes = (hours - whole) * 60m;
        var prefix = "PT" + (whole > 0 ? EdcFormat.Decimal(whole) + "H" : string.Empty);
        if (decimal.Truncate(minutes) == minutes)
        {
            return prefix + EdcFormat.Decimal(minutes) + "M";
        }

        return prefix + EdcFormat.Decimal(decimal.Truncate(minutes)) + "M" + EdcFormat.Decimal((minutes - decimal.Truncate(minutes)) * 60m) + "S";
    }

    private static JsonNode? OneOrMany(IEnumerable<JsonNode> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => null,
            1 => list[0],
            _ => new JsonArray([.. list]),
        };
    }

    private static void Add(JsonObject node, string name, JsonNode? value)
    {
        if (value is not null)
        {
            node[name] = value;
        }
    }

    private static void Add(JsonObject node, string name, string? value)
    {
        if (value is not null)
        {
            node[name] = value;
        }
    }
}

/// <summary>Number formats of the EDC profile.</summary>
internal static class EdcFormat
{
    /// <summary>A decimal without trailing zeros or exponent, invariant culture (<c>5</c>, <c>2.5</c>).</summary>
    public static string Decimal(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
