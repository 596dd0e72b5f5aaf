using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Model;

namespace MicroCredentials.VC.Profiles;

/// <summary>Builds one Open Badges 3.0 credential from a valid model. Deterministic for a given model and options (except a generated credential id).</summary>
internal sealed class Ob3Writer(MicroCredential model, CredentialOptions options, bool extension)
{
    public JsonObject Write()
    {
        var m = model;
        var id = options.CredentialId ?? m.Id ?? "urn:uuid:" + Guid.NewGuid().ToString("D");
        var root = new JsonObject
        {
            ["@context"] = extension
                ? new JsonArray(OpenBadges3Profile.VcV2Context, OpenBadges3Profile.OpenBadgesContext, OpenBadges3Profile.ExtensionContext)
                : new JsonArray(OpenBadges3Profile.VcV2Context, OpenBadges3Profile.OpenBadgesContext),
            ["id"] = id,
            ["type"] = new JsonArray("VerifiableCredential", OpenBadges3Profile.CredentialType),
        };
        Text(root, "name", Ob3Terms.NameMap, m.Title!);
        root["issuer"] = Profile(m.AwardingBody!, options.IssuerId);
        root["validFrom"] = XsdDateTime.Format(m.IssuedOn ?? options.IssuedAt);
        if (m.ExpiresOn is { } expires)
        {
            root["validUntil"] = XsdDateTime.Format(expires);
        }

        if (m.AwardedOn is { } awarded)
        {
            root["awardedDate"] = XsdDateTime.Format(awarded);
        }

        root["credentialSubject"] = Subject(m.Learner!, id);
        return root;
    }

    private JsonObject Subject(Learner learner, string credentialId)
    {
        var node = new JsonObject();
        Add(node, "id", learner.Id);
        node["type"] = new JsonArray("AchievementSubject");
        var identities = new JsonArray();
        void Identity(string type, string? value)
        {
            if (value is not null)
            {
                identities.Add((JsonNode)new JsonObject { ["type"] = "IdentityObject", ["identityHash"] = value, ["identityType"] = type, ["hashed"] = false });
            }
        }

        Identity("name", learner.FullName);
        Identity(Ob3Terms.GivenNameIdentity, learner.GivenName);
        Identity(Ob3Terms.FamilyNameIdentity, learner.FamilyName);
        Identity(Ob3Terms.DateOfBirthIdentity, learner.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Identity("emailAddress", learner.Email);
        Identity("nationalIdentityNumber", learner.NationalId?.Value);
        foreach (var identifier in learner.Identifiers)
        {
            Identity(extension || identifier.Scheme is null ? "identifier" : Ob3Terms.SchemeIdentityType(identifier.Scheme), identifier.Value);
        }

        if (identities.Count > 0)
        {
            node["identifier"] = identities;
        }

        node["achievement"] = Achievement(credentialId);
        if (model.Assessment?.Grade is { } grade)
        {
            var result = new JsonObject { ["type"] = new JsonArray("Result"), ["resultDescription"] = credentialId + Ob3Terms.GradeFragment };
            Text(result, "value", Ob3Terms.ValueMap, grade.Value);
            node["result"] = new JsonArray(result);
        }

        if (model.Provider is { Id: { } providerId } provider)
        {
            node["source"] = Profile(provider, providerId);
        }

        if (extension && learner.Identifiers.Count > 0)
        {
            node[Ob3Terms.LearnerIdentifier] = new JsonArray([.. learner.Identifiers.Select(i => (JsonNode)IdentifierNode(i))]);
        }

        Add(node, Ob3Terms.NationalIdentifier, extension && learner.NationalId is { } nid ? IdentifierNode(nid) : null);
        return node;
    }

    private JsonObject Achievement(string credentialId)
    {
        var m = model;
        var node = new JsonObject
        {
            ["id"] = credentialId + Ob3Terms.AchievementFragment,
            ["type"] = new JsonArray("Achievement"),
            ["achievementType"] = OpenBadges3Profile.AchievementType,
        };
        Text(node, "name", Ob3Terms.NameMap, m.Title!);

        // The schema requires a description: the title stands in for a missing one (and is read back as none).
        Text(node, "description", Ob3Terms.DescriptionMap, m.Description ?? m.Title!);
        node["criteria"] = new JsonObject { ["narrative"] = extension ? Narrative() : Ob3Narrative.Write(m) };
        if (m.Workload?.Ects is { } ects)
        {
            node["creditsAvailable"] = Ob3Terms.Normalize(ects);
        }

        if (m.Level is { IscedFields.Count: > 0 } isced)
        {
            node["fieldOfStudy"] = string.Join(", ", isced.IscedFields);
        }

        if (m.Languages.FirstOrDefault(Ob3Terms.IsSchemaLanguage) is { } language)
        {
            node["inLanguage"] = language;
        }

        if (!extension && Ob3Editions.Write(m, credentialId) is { Count: > 0 } editions)
        {
            node["related"] = editions;
        }

        var alignments = Alignments();
        if (alignments.Count > 0)
        {
            node["alignment"] = alignments;
        }

        if (m.Assessment?.Grade is { } grade)
        {
            var description = new JsonObject
            {
                ["id"] = credentialId + Ob3Terms.GradeFragment,
                ["type"] = new JsonArray("ResultDescription"),
                ["name"] = grade.Scheme?.Value ?? "Grade",
                ["resultType"] = "Result",
            };
            node["resultDescription"] = new JsonArray(description);
        }

        if (m.AwardingBody!.Id is { } bodyId && bodyId != options.IssuerId)
        {
            node["creator"] = Profile(m.AwardingBody, bodyId);
        }

        if (extension)
        {
            Extension(node);
        }

        return node;
    }

    /// <summary>The Council Recommendation elements in the extension context's terms.</summary>
    private void Extension(JsonObject node)
    {
        var m = model;
        if (m.Workload is { } workload)
        {
            Add(node, Ob3Terms.Ects, workload.Ects);
            Add(node, Ob3Terms.Hours, workload.Hours);
            if (workload.OtherCredits is { } other)
            {
                node[Ob3Terms.OtherCreditPoints] = new JsonObject { [Ob3Terms.CreditFramework] = ConceptNode(other.Framework), [Ob3Terms.CreditPoints] = Ob3Terms.Normalize(other.Points) };
            }
        }

        if (m.Level is { } level)
        {
            Add(node, Ob3Terms.Nqf, level.Nqf is { } nqf ? ConceptNode(nqf) : null);
            if (level.IscedFields.Count > 0)
            {
                node[Ob3Terms.IscedField] = new JsonArray([.. level.IscedFields.Select(c => (JsonNode)c)]);
            }
        }

        if (m.Languages.Count > 0)
        {
            node[Ob3Terms.Languages] = new JsonArray([.. m.Languages.Select(l => (JsonNode)l)]);
        }

        var outcomes = new JsonArray();
        foreach (var outcome in m.LearningOutcomes)
        {
            var lo = new JsonObject { [Ob3Terms.OutcomeStatement] = Map(outcome.Title!) };
            if (outcome.EscoSkills.Count > 0)
            {
                lo[Ob3Terms.RelatedEscoSkill] = new JsonArray([.. outcome.EscoSkills.Select(s => (JsonNode)s)]);
            }

            outcomes.Add((JsonNode)lo);
        }

        node[Ob3Terms.LearningOutcome] = outcomes;

        if (m.Assessment is { } assessment)
        {
            Add(node, Ob3Terms.TypeOfAssessment, assessment.Type is { } type ? ConceptNode(type) : null);
            Add(node, Ob3Terms.AssessmentDescription, assessment.Description is { } d ? Map(d) : null);
            Add(node, Ob3Terms.Supervision, assessment.Supervision is { } s ? ConceptNode(s) : null);
            Add(node, Ob3Terms.GradingScheme, assessment.Grade?.Scheme is { } scheme ? Map(scheme) : null);
        }

        if (m.Participation is { } participation)
        {
            node[Ob3Terms.FormOfParticipation] = ConceptNode(EuVocabularies.Of(participation.Mode));
            Add(node, Ob3Terms.LearningSetting, participation.Setting is { } setting ? ConceptNode(EuVocabularies.Of(setting)) : null);
        }

        if (m.QualityAssurance is { } qa)
        {
            var q = new JsonObject();
            Add(q, Ob3Terms.QaDescription, qa.Description is { } d ? Map(d) : null);
            Add(q, Ob3Terms.QaAgency, qa.Agency is { } agency ? Profile(agency, agency.Id) : null);
            Add(q, Ob3Terms.QaType, qa.Type is { } t ? ConceptNode(t) : null);
            Add(q, Ob3Terms.QaReport, qa.ReportUrl?.OriginalString);
            node[Ob3Terms.QualityAssurance] = q;
        }

        Add(node, Ob3Terms.Prerequisites, m.Prerequisites is { } p ? Map(p) : null);
        if (m.Stackability is { } stack)
        {
            var s = new JsonObject();
            Add(s, Ob3Terms.IsPartialQualification, stack.IsPartialQualification);
            Add(s, Ob3Terms.StackabilityDescription, stack.Description is { } d ? Map(d) : null);
            if (stack.PartOf.Count > 0)
            {
                s[Ob3Terms.PartOf] = new JsonArray([.. stack.PartOf.Select(Related)]);
            }

            node[Ob3Terms.Stackability] = s;
        }

        if (m.FurtherInformation is { } info)
        {
            Add(node, Ob3Terms.FurtherInformationNote, info.Note is { } note ? Map(note) : null);
            Add(node, Ob3Terms.FurtherInformationPage, info.Homepage?.OriginalString);
        }

        if (m.Provider is { Id: null } provider)
        {
            node[Ob3Terms.LearningProvider] = Profile(provider, null);
        }
    }

    private string Narrative()
    {
        var text = new StringBuilder("Learning outcomes:");
        foreach (var outcome in model.LearningOutcomes)
        {
            text.Append("\n- ").Append(outcome.Title!.Value);
        }

        return text.ToString();
    }

    private JsonArray Alignments()
    {
        var m = model;
        var list = new JsonArray();
        var skills = new HashSet<string>(StringComparer.Ordinal);
        foreach (var outcome in m.LearningOutcomes)
        {
            foreach (var skill in outcome.EscoSkills.Where(skills.Add))
            {
                list.Add((JsonNode)Alignment(Ob3Terms.EscoTarget, outcome.Title!.Value, skill, null, "ESCO", null));
            }
        }

        if (m.Level?.Eqf is { } eqf)
        {
            var level = eqf.ToString(CultureInfo.InvariantCulture);
            list.Add((JsonNode)Alignment(Ob3Terms.EqfTarget, "EQF level " + level, EuVocabularies.EqfLevel(eqf).Id, level, "European Qualifications Framework", null));
        }

        foreach (var code in m.Level?.IscedFields ?? [])
        {
            list.Add((JsonNode)Alignment(Ob3Terms.IscedTarget, "ISCED-F " + code, EuVocabularies.IscedF(code).Id, code, "ISCED-F 2013", null));
        }

        if (m.QualityAssurance is { } qa && (qa.ReportUrl ?? qa.Agency?.Homepage) is { } url)
        {
            var name = qa.Agency?.LegalName?.Value ?? "Quality assurance";
            list.Add((JsonNode)Alignment(Ob3Terms.QaTarget, name, url.OriginalString, null, null, extension ? qa.Description?.Value : null));
        }

        if (!extension)
        {
            ConceptAlignments(list);
        }

        return list;
    }

    /// <summary>
    /// The elements Open Badges has no property for, as alignments to the EU vocabularies' concepts (published terms only):
    /// <c>targetUrl</c> the concept URI, <c>targetFramework</c> the vocabulary, <c>targetType</c> an <c>ext:</c> name.
    /// </summary>
    private void ConceptAlignments(JsonArray list)
    {
        var m = model;
        void Add(string targetType, string framework, Concept? concept, string? code = null)
        {
            if (concept is null)
            {
                return;
            }

            var absolute = ModelValidator.IsAbsoluteUri(concept.Id);
            list.Add((JsonNode)Alignment(
                targetType,
                concept.Label?.Value ?? Ob3Terms.FallbackName(targetType),
                absolute ? concept.Id : Ob3Terms.NotationUrl + Uri.EscapeDataString(concept.Id),
                code,
                framework,
                null));
        }

        Add(Ob3Terms.NqfTarget, "National Qualifications Framework", m.Level?.Nqf);
        if (m.Workload?.Ects is not null)
        {
            Add(Ob3Terms.CreditTarget, "Education credit systems", EuVocabularies.Ects with { Label = null });
        }

        if (m.Workload?.OtherCredits is { } other)
        {
            Add(Ob3Terms.OtherCreditTarget, "Education credit systems", other.Framework, Ob3Terms.Normalize(other.Points).ToString(CultureInfo.InvariantCulture));
        }

        Add(Ob3Terms.AssessmentTarget, "Assessment types (EU Vocabularies)", m.Assessment?.Type);
        Add(Ob3Terms.SupervisionTarget, "Supervision and verification (EU Vocabularies)", m.Assessment?.Supervision);
        if (m.Participation is { } participation)
        {
            Add(Ob3Terms.ParticipationTarget, "Modes of learning and assessment (EU Vocabularies)", EuVocabularies.Of(participation.Mode) with { Label = null });
            Add(Ob3Terms.SettingTarget, "Learning settings (EU Vocabularies)", participation.Setting is { } setting ? EuVocabularies.Of(setting) with { Label = null } : null);
        }

        Add(Ob3Terms.QaTypeTarget, "Quality assurance types", m.QualityAssurance?.Type);
    }

    private static JsonObject Alignment(string targetType, string name, string url, string? code, string? framework, string? description)
    {
        var node = new JsonObject { ["type"] = new JsonArray("Alignment"), ["targetType"] = targetType, ["targetName"] = name };
        Add(node, "targetDescription", description);
        Add(node, "targetCode", code);
        Add(node, "targetFramework", framework);
        node["targetUrl"] = url;
        return node;
    }

    private JsonObject Profile(Organisation org, string? id)
    {
        var node = new JsonObject();
        Add(node, "id", id);
        node["type"] = new JsonArray("Profile");
        if (org.LegalName is { } name)
        {
            Text(node, "name", Ob3Terms.NameMap, name);
        }

        Add(node, "url", org.Homepage?.OriginalString);
        Add(node, "email", org.Email);
        if (org.Country is not null || org.Region is not null)
        {
            var address = new JsonObject { ["type"] = new JsonArray("Address") };
            if (org.Country is { } country)
            {
                Add(address, "addressCountry", EdcVocabulary.CountryName(country.ToUpperInvariant()));
                address["addressCountryCode"] = country;
            }

            Add(address, "addressRegion", org.Region);
            node["address"] = address;
        }

        var identifiers = new JsonArray();
        void Entry(string type, string? value)
        {
            if (value is not null)
            {
                identifiers.Add((JsonNode)new JsonObject { ["type"] = "IdentifierEntry", ["identifier"] = value, ["identifierType"] = type });
            }
        }

        Entry(Ob3Terms.LegalIdentifierType, org.LegalIdentifier);
        Entry(Ob3Terms.VatIdentifierType, org.VatIdentifier);
        Entry(Ob3Terms.EidasIdentifierType, org.EidasIdentifier);
        if (identifiers.Count > 0)
        {
            node["otherIdentifier"] = identifiers;
        }

        return node;
    }

    private JsonNode Related(RelatedCredential related)
    {
        var node = new JsonObject();
        if (related.Id is { } id)
        {
            if (ModelValidator.IsAbsoluteUri(id))
            {
                node["id"] = id;
            }
            else
            {
                node[Ob3Terms.RelatedIdentifier] = id;
            }
        }

        Text(node, "name", Ob3Terms.NameMap, related.Title);
        return node;
    }

    private static JsonObject IdentifierNode(Identifier identifier)
    {
        var node = new JsonObject { [Ob3Terms.IdentifierValue] = identifier.Value };
        Add(node, Ob3Terms.IdentifierScheme, identifier.Scheme);
        Add(node, Ob3Terms.IdentifierCountry, identifier.Country);
        return node;
    }

    private static JsonObject ConceptNode(Concept concept)
    {
        var node = new JsonObject();
        if (ModelValidator.IsAbsoluteUri(concept.Id))
        {
            node["id"] = concept.Id;
        }
        else
        {
            node[Ob3Terms.Notation] = concept.Id;
        }

        Add(node, Ob3Terms.PrefLabel, concept.Label is { } label ? Map(label) : null);
        return node;
    }

    /// <summary>A plain string (the primary language) for Open Badges readers, and the language map when it says more than English text.</summary>
    private void Text(JsonObject node, string name, string mapName, LocalizedText text)
    {
        node[name] = text.Value;
        if (extension && (text.Count > 1 || !string.Equals(text.Language, LocalizedText.DefaultLanguage, StringComparison.OrdinalIgnoreCase)))
        {
            node[mapName] = Map(text);
        }
    }

    private static JsonObject Map(LocalizedText text)
    {
        var node = new JsonObject();
        foreach (var (language, value) in text)
        {
            node[language] = value;
        }

        return node;
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

    private static void Add(JsonObject node, string name, decimal? value)
    {
        if (value is { } v)
        {
            node[name] = Ob3Terms.Normalize(v);
        }
    }

    private static void Add(JsonObject node, string name, bool? value)
    {
        if (value is { } v)
        {
            node[name] = v;
        }
    }
}
