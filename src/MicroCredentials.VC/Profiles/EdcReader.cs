using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MicroCredentials.VC.Model;

namespace MicroCredentials.VC.Profiles;

/// <summary>
/// Reads an EDC credential into the model, leniently: single values or arrays everywhere, language maps with strings
/// or arrays, and a note for everything the model cannot hold. Never throws for bad content.
/// </summary>
internal sealed partial class EdcReader
{
    private const string AchievementPath = "credentialSubject.hasClaim";
    private const string SpecPath = AchievementPath + ".specifiedBy";
    private const string AssessmentPath = AchievementPath + ".provenBy";
    private const string ActivityPath = AchievementPath + ".influencedBy";

    private static readonly string[] Ignored = ["id", "type", "@context", "@id", "@type"];

    private readonly List<string> _notes = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>The credential itself, or the payload of a JWS JSON serialization (a JAdES seal: <c>{payload, signatures}</c>).</summary>
    public static JsonObject? Unwrap(JsonObject credential, out bool wrapped)
    {
        wrapped = false;
        if (credential["payload"] is JsonValue payload && payload.TryGetValue<string>(out var text) &&
            (credential.ContainsKey("signatures") || credential.ContainsKey("signature")))
        {
            wrapped = true;

            // The checks every JSON input gets (no member name twice, depth, numbers).
            return JsonInput.TryParse(System.Text.Encoding.UTF8.GetBytes(text), int.MaxValue, 128, out var node, out _) ? node as JsonObject : null;
        }

        return credential;
    }

    /// <summary>Whether a document is typed <c>EuropeanDigitalCredential</c> or uses the ELM edc-ap context.</summary>
    public static bool IsEdc(JsonObject document) =>
        Many(document["type"]).Any(t => Str(t) == EdcProfile.CredentialType) ||
        Many(document["@context"]).Any(c => Str(c) == EdcProfile.EdcContext);

    public ProfileReadResult Read(JsonObject credential)
    {
        // A seal (JAdES) or a proof secures the credential; neither is content of the model, so neither is noted.
        var doc = Unwrap(credential, out _);
        if (doc is null)
        {
            Note("payload: not a JSON object; nothing was read");
            return new(new MicroCredential(), _notes);
        }

        if (!IsEdc(doc))
        {
            Note("type: not a EuropeanDigitalCredential; read as one anyway");
        }

        // Read what was signed: repeated descriptions of one node are merged, as in the RDF graph.
        doc = NodeMerger.Merge(doc);

        if (Many(doc["@context"]).Select(Str).FirstOrDefault() == "https://www.w3.org/ns/credentials/v2")
        {
            Note("@context: the VC 2.0 context cannot be combined with the ELM edc-ap context in JSON-LD (protected term redefinition); read as plain JSON");
        }

        Rest(doc, string.Empty, "proof", "credentialProfiles", "credentialSchema", "displayParameter", "issuer", "issued", "issuanceDate", "validFrom", "validUntil", "expirationDate", "credentialSubject");

        var issuedOn = Date(doc["issued"], "issued") ?? Date(doc["issuanceDate"], "issuanceDate");
        var validFrom = Date(doc["validFrom"], "validFrom");
        if (validFrom is { } vf && vf != issuedOn)
        {
            Note(issuedOn is null
                ? "issued: absent (EDC sets it when sealing); validFrom is not the date of issuing and is not mapped"
                : "validFrom: differs from issued; the model has no start of validity apart from the date of issuing");
        }

        var expiration = Date(doc["expirationDate"], "expirationDate");
        var validUntil = Date(doc["validUntil"], "validUntil");
        if (expiration is not null && validUntil is not null && expiration != validUntil)
        {
            Note("validUntil: differs from expirationDate; expirationDate was read");
        }

        var issuer = Objects(doc["issuer"]).FirstOrDefault();
        var issuerId = issuer is null ? Str(doc["issuer"]) : IdOf(issuer);

        var subjects = Objects(doc["credentialSubject"]).ToList();
        if (subjects.Count == 0)
        {
            Note("credentialSubject: missing; no learner or achievement was read");
            return new(new MicroCredential { Id = Str(doc["id"]), IssuedOn = issuedOn, ExpiresOn = expiration ?? validUntil }, _notes);
        }

        if (subjects.Count > 1)
        {
            Note("credentialSubject: more than one subject; the first was read");
        }

        var subject = subjects[0];
        var learner = ReadLearner(subject);

        var claims = Objects(subject["hasClaim"]).ToList();
        var achievement = claims.FirstOrDefault(c => HasType(c, "LearningAchievement")) ?? (claims.Count == 1 ? claims[0] : null);
        foreach (var other in claims.Where(c => !ReferenceEquals(c, achievement)))
        {
            Note(AchievementPath + ": a " + (Str(other["type"]) ?? "claim") + " claim" + TitleHint(other) + " is not mapped (only the LearningAchievement is)");
        }

        var model = new MicroCredential { Id = Str(doc["id"]), Learner = learner, IssuedOn = issuedOn, ExpiresOn = expiration ?? validUntil };
        if (achievement is null)
        {
            Note(AchievementPath + ": no LearningAchievement");
            return new(model with { Title = Text(Obj(doc, "displayParameter")?["title"], "displayParameter.title") }, _notes);
        }

        model = ReadAchievement(model, achievement, issuer, issuerId);
        model = model with { Title = model.Title ?? Text(Obj(doc, "displayParameter")?["title"], "displayParameter.title") };
        return new(model, _notes);
    }

    private MicroCredential ReadAchievement(MicroCredential model, JsonObject ach, JsonObject? issuer, string? issuerId)
    {
        var spec = Obj(ach, "specifiedBy");
        Rest(ach, AchievementPath, "title", "description", "additionalNote", "awardedBy", "provenBy", "influencedBy", "specifiedBy");

        // Awarding body and awarding date.
        var process = Obj(ach, "awardedBy");
        Organisation? awardingBody = null;
        JsonObject? bodyNode = null;
        DateTimeOffset? awardedOn = null;
        if (process is null)
        {
            Note(AchievementPath + ".awardedBy: missing; no awarding body was read");
        }
        else
        {
            Rest(process, AchievementPath + ".awardedBy", "awardingBody", "awardingDate");
            var bodies = Objects(process["awardingBody"]).ToList();
            if (bodies.Count > 1)
            {
                Note(AchievementPath + ".awardedBy.awardingBody: more than one awarding body; the first was read");
            }

            bodyNode = bodies.FirstOrDefault();
            awardingBody = bodyNode is null ? null : ReadOrganisation(bodyNode, AchievementPath + ".awardedBy.awardingBody", issuerId, "accreditation");
            awardedOn = Date(process["awardingDate"], AchievementPath + ".awardedBy.awardingDate");
        }

        var bodyId = bodyNode is null ? null : IdOf(bodyNode);
        if (issuer is not null && IdOf(issuer) != bodyId)
        {
            var name = Text(issuer["legalName"], "issuer.legalName");
            Note("issuer: the issuing (sealing) organisation" + (name is null ? string.Empty : " '" + name.Value + "'") + " is not the awarding body; the model keeps the awarding body");
        }

        // Provider: the organisation directing the learning activity, when it is not the awarding body.
        Organisation? provider = null;
        var activities = Objects(ach["influencedBy"]).ToList();
        if (activities.Count > 1)
        {
            Note(ActivityPath + ": more than one learning activity; the first was read");
        }

        var providerId = (string?)null;
        if (activities.FirstOrDefault() is { } activity)
        {
            var sameTitle = Equals(Text(activity["title"], ActivityPath + ".title"), Text(ach["title"], AchievementPath + ".title"));
            Rest(activity, ActivityPath, sameTitle ? ["title", "awardedBy", "directedBy"] : ["awardedBy", "directedBy"]);
            CheckSameAwarding(activity, ActivityPath, bodyId);
            var directors = Objects(activity["directedBy"]).ToList();
            if (directors.FirstOrDefault() is { } director && IdOf(director) != bodyId)
            {
                providerId = IdOf(director);
                provider = ReadOrganisation(director, ActivityPath + ".directedBy", null);
            }

            if (directors.Count > 1)
            {
                Note(ActivityPath + ".directedBy: more than one organisation; the first was read");
            }
        }

        var notes = Objects(ach["additionalNote"]).Select(n => (Node: n, Path: AchievementPath + ".additionalNote")).ToList();
        var title = Text(ach["title"], AchievementPath + ".title");
        var description = Text(ach["description"], AchievementPath + ".description");
        model = model with
        {
            Title = title,
            Description = description,
            AwardingBody = awardingBody,
            AwardedOn = awardedOn,
            Provider = provider,
            Assessment = ReadAssessment(ach, bodyId, providerId),
        };

        if (spec is null)
        {
            Note(SpecPath + ": missing; no learning outcomes, workload, level or participation were read");
        }
        else
        {
            model = ReadSpecification(model, spec, notes);
        }

        // Quality assurance: the qualification's accreditation, else the awarding body's.
        var accreditation = (spec is null ? null : Obj(spec, "accreditation")) ?? (bodyNode is null ? null : Obj(bodyNode, "accreditation"));
        var accreditationPath = spec is not null && Obj(spec, "accreditation") is not null ? SpecPath + ".accreditation" : AchievementPath + ".awardedBy.awardingBody.accreditation";
        model = model with { QualityAssurance = accreditation is null ? null : ReadAccreditation(accreditation, accreditationPath) };
        if (accreditation is null)
        {
            Note("qualityAssurance: no specifiedBy.accreditation or awardingBody.accreditation");
        }

        // Further information: the first note without a subject.
        var general = notes.Where(n => ConceptOf(n.Node["subject"]) is null).ToList();
        foreach (var extra in general.Skip(1))
        {
            Note(extra.Path + ": more than one note; only the first was read");
        }

        if (general.FirstOrDefault() is { Node: { } first } furtherNote)
        {
            Rest(first, furtherNote.Path, "noteLiteral");
            var text = Text(first["noteLiteral"], furtherNote.Path + ".noteLiteral");
            if (text is not null)
            {
                model = model with { FurtherInformation = (model.FurtherInformation ?? new FurtherInformation()) with { Note = text } };
            }
        }

        return model;
    }

    private MicroCredential ReadSpecification(MicroCredential model, JsonObject spec, List<(JsonObject Node, string Path)> notes)
    {
        Rest(spec, SpecPath, "title", "description", "learningOutcome", "creditPoint", "volumeOfLearning", "eqfLevel", "nqfLevel", "thematicArea", "mode",
            "learningSetting", "entryRequirement", "isPartialQualification", "isPartOf", "additionalNote", "accreditation", "language", "homepage");

        var title = model.Title ?? Text(spec["title"], SpecPath + ".title");
        var description = model.Description ?? Text(spec["description"], SpecPath + ".description");

        // Learning outcomes.
        var outcomes = new List<LearningOutcome>();
        var index = 0;
        foreach (var lo in Objects(spec["learningOutcome"]))
        {
            var path = SpecPath + ".learningOutcome[" + index++.ToString(CultureInfo.InvariantCulture) + "]";
            Rest(lo, path, "title", "relatedESCOSkill");
            var skills = new List<string>();
            foreach (var skill in Many(lo["relatedESCOSkill"]))
            {
                var concept = ConceptOf(skill);
                if (concept is not null && concept.Id.StartsWith(EdcVocabulary.EscoPrefix, StringComparison.Ordinal))
                {
                    skills.Add(concept.Id);
                }
                else
                {
                    Note(path + ".relatedESCOSkill: '" + (concept?.Id ?? "?") + "'" + (concept?.Label is { } l ? " (" + l.Value + ")" : string.Empty) + " is not an ESCO URI");
                }
            }

            var loTitle = Text(lo["title"], path + ".title");
            if (loTitle is null)
            {
                Note(path + ".title: missing; the outcome was not read");
                continue;
            }

            outcomes.Add(new LearningOutcome { Title = loTitle, EscoSkills = skills });
        }

        // Workload.
        decimal? ects = null;
        decimal? hours = null;
        CreditPoints? other = null;
        foreach (var cp in Objects(spec["creditPoint"]))
        {
            var framework = ConceptOf(cp["framework"]);
            var pointText = Str(cp["point"]);
            if (framework is null || !TryParseDecimal(pointText, out var points))
            {
                Note(SpecPath + ".creditPoint: '" + pointText + "' (" + (framework?.Id ?? "no framework") + ") is not a number of credit points");
                continue;
            }

            if (framework.Id == EuVocabularies.Ects.Id && ects is null)
            {
                ects = points;
            }
            else if (framework.Id != EuVocabularies.Ects.Id && other is null)
            {
                other = new CreditPoints(framework, points);
            }
            else
            {
                Note(SpecPath + ".creditPoint: more credit points than the model holds (ECTS and one other system); '" + pointText + "' was not read");
            }
        }

        if (Str(spec["volumeOfLearning"]) is { } volume)
        {
            hours = ParseHours(volume, SpecPath + ".volumeOfLearning");
        }

        // Level.
        int? eqf = null;
        if (ConceptOf(spec["eqfLevel"]) is { } eqfConcept)
        {
            if (EuVocabularies.TryParseEqf(eqfConcept.Id, out var level))
            {
                eqf = level;
            }
            else
            {
                Note(SpecPath + ".eqfLevel: '" + eqfConcept.Id + "' is not an EQF level (snb/eqf/1-8)");
            }
        }

        var nqfs = Many(spec["nqfLevel"]).Select(ConceptOf).OfType<Concept>().ToList();
        if (nqfs.Count > 1)
        {
            Note(SpecPath + ".nqfLevel: more than one NQF level; the first was read");
        }

        var isced = new List<string>();
        foreach (var area in Many(spec["thematicArea"]).Select(ConceptOf).OfType<Concept>())
        {
            const string prefix = EuVocabularies.Snb + "isced-f/";
            var code = area.Id.StartsWith(prefix, StringComparison.Ordinal) ? area.Id[prefix.Length..] : null;
            if (code is not null && IscedCode().IsMatch(code))
            {
                isced.Add(code);
            }
            else
            {
                Note(SpecPath + ".thematicArea: '" + area.Id + "' is not an ISCED-F code");
            }
        }

        // Participation.
        ParticipationMode? mode = null;
        foreach (var concept in Many(spec["mode"]).Select(ConceptOf).OfType<Concept>())
        {
            if (EuVocabularies.TryParseParticipation(concept.Id, out var parsed) && mode is null)
            {
                mode = parsed;
            }
            else
            {
                Note(SpecPath + ".mode: '" + concept.Id + "'" + (concept.Label is { } l ? " (" + l.Value + ")" : string.Empty) +
                     (mode is null ? " is not a snb/learning-assessment mode" : " is a further mode; the model holds one"));
            }
        }

        LearningSetting? setting = null;
        if (ConceptOf(spec["learningSetting"]) is { } settingConcept)
        {
            if (EuVocabularies.TryParseLearningSetting(settingConcept.Id, out var parsed))
            {
                setting = parsed;
            }
            else
            {
                Note(SpecPath + ".learningSetting: '" + settingConcept.Id + "' is not a snb/learning-setting concept");
            }
        }

        if (mode is null && setting is not null)
        {
            Note(SpecPath + ".learningSetting: read, but without a mode the model has no form of participation to put it in");
        }

        // Prerequisites.
        LocalizedText? prerequisites = null;
        if (Obj(spec, "entryRequirement") is { } entry)
        {
            Rest(entry, SpecPath + ".entryRequirement", "noteLiteral");
            prerequisites = Text(entry["noteLiteral"], SpecPath + ".entryRequirement.noteLiteral");
        }

        // Stackability.
        bool? partial = null;
        if (spec["isPartialQualification"] is { } partialNode)
        {
            partial = Bool(partialNode);
            if (partial is null)
            {
                Note(SpecPath + ".isPartialQualification: not a boolean");
            }
        }

        var partOf = new List<RelatedCredential>();
        foreach (var related in Many(spec["isPartOf"]))
        {
            if (related is JsonObject relatedNode && Text(relatedNode["title"], SpecPath + ".isPartOf.title") is { } relatedTitle)
            {
                Rest(relatedNode, SpecPath + ".isPartOf", "title", "identifier");
                var id = IdOf(relatedNode);
                var relatedId = id is not null && !EdcVocabulary.IsLocalId(id) ? id : Str(Obj(relatedNode, "identifier")?["notation"]);
                partOf.Add(new RelatedCredential(relatedTitle, relatedId));
            }
            else
            {
                Note(SpecPath + ".isPartOf: '" + (IdOf(related) ?? "?") + "' has no title; not read");
            }
        }

        LocalizedText? stackDescription = null;
        foreach (var note in Objects(spec["additionalNote"]))
        {
            if (ConceptOf(note["subject"])?.Id == EdcVocabulary.StackabilityNoteSubject.Id && stackDescription is null)
            {
                Rest(note, SpecPath + ".additionalNote", "noteLiteral", "subject");
                stackDescription = Text(note["noteLiteral"], SpecPath + ".additionalNote.noteLiteral");
            }
            else
            {
                notes.Add((note, SpecPath + ".additionalNote"));
            }
        }

        // Languages.
        var languages = new List<string>();
        foreach (var language in Many(spec["language"]).Select(ConceptOf).OfType<Concept>())
        {
            if (EdcVocabulary.TryParseLanguage(language.Id, out var tag))
            {
                if (!languages.Contains(tag, StringComparer.OrdinalIgnoreCase))
                {
                    languages.Add(tag);
                }
            }
            else
            {
                Note(SpecPath + ".language: '" + language.Id + "' is not a language the library knows");
            }
        }

        var homepage = WebResourceUrl(spec["homepage"], SpecPath + ".homepage");

        return model with
        {
            Title = title,
            Description = description,
            LearningOutcomes = outcomes,
            Workload = ects is null && hours is null && other is null ? null : new Workload { Ects = ects, Hours = hours, OtherCredits = other },
            Level = eqf is null && nqfs.Count == 0 && isced.Count == 0 ? null : new QualificationLevel { Eqf = eqf, Nqf = nqfs.FirstOrDefault(), IscedFields = isced },
            Participation = mode is { } m ? new Participation(m, setting) : null,
            Prerequisites = prerequisites,
            Stackability = partial is null && partOf.Count == 0 && stackDescription is null
                ? null
                : new Stackability { IsPartialQualification = partial, PartOf = partOf, Description = stackDescription },
            FurtherInformation = homepage is null ? model.FurtherInformation : (model.FurtherInformation ?? new FurtherInformation()) with { Homepage = homepage },
            Languages = languages,
        };
    }

    private Assessment? ReadAssessment(JsonObject ach, string? bodyId, string? providerId)
    {
        var assessments = Objects(ach["provenBy"]).ToList();
        if (assessments.Count == 0)
        {
            Note("assessment: no provenBy (LearningAssessment)");
            return null;
        }

        if (assessments.Count > 1)
        {
            Note(AssessmentPath + ": more than one assessment; the first was read");
        }

        var a = assessments[0];
        var assessors = Many(a["assessedBy"]).Select(IdOf).ToList();
        var knownAssessors = assessors.All(id => id is not null && (id == bodyId || id == providerId));
        Rest(a, AssessmentPath, knownAssessors ? ["title", "grade", "idVerification", "awardedBy", "specifiedBy", "description", "dcType", "assessedBy"]
            : ["title", "grade", "idVerification", "awardedBy", "specifiedBy", "description", "dcType"]);
        CheckSameAwarding(a, AssessmentPath, bodyId);

        var spec = Obj(a, "specifiedBy");
        if (spec is not null)
        {
            Rest(spec, AssessmentPath + ".specifiedBy", "title", "description", "dcType", "gradingScheme");
        }

        var type = ConceptOf(spec?["dcType"]) ?? ConceptOf(a["dcType"]);
        if (type is null)
        {
            Note("assessment.type: no provenBy.specifiedBy.dcType");
        }

        LocalizedText? scheme = null;
        if (spec is not null && Obj(spec, "gradingScheme") is { } grading)
        {
            Rest(grading, AssessmentPath + ".specifiedBy.gradingScheme", "title");
            scheme = Text(grading["title"], AssessmentPath + ".specifiedBy.gradingScheme.title");
        }

        Grade? grade = null;
        if (Obj(a, "grade") is { } gradeNote)
        {
            Rest(gradeNote, AssessmentPath + ".grade", "noteLiteral");
            if (Text(gradeNote["noteLiteral"], AssessmentPath + ".grade.noteLiteral") is { } value)
            {
                grade = new Grade(value, scheme);
            }
        }

        return new Assessment
        {
            Type = type,
            Description = Text(spec?["description"], AssessmentPath + ".specifiedBy.description") ?? Text(a["description"], AssessmentPath + ".description"),
            Supervision = ConceptOf(a["idVerification"]),
            Grade = grade,
        };
    }

    private QualityAssurance ReadAccreditation(JsonObject node, string path)
    {
        Rest(node, path, "title", "description", "dcType", "accreditingAgent", "report");
        var agent = Obj(node, "accreditingAgent");
        return new QualityAssurance
        {
            Description = Text(node["description"], path + ".description") ?? Text(node["title"], path + ".title"),
            Type = ConceptOf(node["dcType"]),
            Agency = agent is null ? null : ReadOrganisation(agent, path + ".accreditingAgent", null),
            ReportUrl = WebResourceUrl(node["report"], path + ".report"),
        };
    }

    private Learner ReadLearner(JsonObject subject)
    {
        const string path = "credentialSubject";
        Rest(subject, path, "fullName", "givenName", "familyName", "dateOfBirth", "nationalID", "identifier", "contactPoint", "hasClaim");

        var id = IdOf(subject);
        Identifier? nationalId = null;
        if (Obj(subject, "nationalID") is { } nid)
        {
            nationalId = ReadIdentifier(nid, path + ".nationalID");
        }

        var identifiers = Objects(subject["identifier"]).Select(i => ReadIdentifier(i, path + ".identifier")).OfType<Identifier>().ToList();

        return new Learner
        {
            Id = EdcVocabulary.IsLocalId(id) ? null : id,
            FullName = Text(subject["fullName"], path + ".fullName")?.Value,
            GivenName = Text(subject["givenName"], path + ".givenName")?.Value,
            FamilyName = Text(subject["familyName"], path + ".familyName")?.Value,
            DateOfBirth = ReadDateOfBirth(subject["dateOfBirth"]),
            NationalId = nationalId,
            Identifiers = identifiers,
            Email = Email(subject, path),
        };
    }

    private DateOnly? ReadDateOfBirth(JsonNode? node)
    {
        const string path = "credentialSubject.dateOfBirth";
        if (Str(node) is not { } text)
        {
            return null;
        }

        if (text.Length < 10 || !DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Note(path + ": not a date; not read");
            return null;
        }

        if (XsdDateTime.TryParse(text, out var instant) && instant.Offset == TimeSpan.Zero && instant.TimeOfDay >= TimeSpan.FromHours(12))
        {
            // EDC tools write a birth date as local midnight converted to UTC (e.g. T22:00:00Z for a date in CEST).
            Note(path + ": a UTC time in the second half of the day was read as the next calendar date (local midnight east of UTC)");
            return date == DateOnly.MaxValue ? date : date.AddDays(1);
        }

        return date;
    }

    private Identifier? ReadIdentifier(JsonObject node, string path)
    {
        Rest(node, path, "notation", "schemeName", "spatial");
        var value = Str(node["notation"]);
        if (value is null)
        {
            Note(path + ": an identifier without notation; not read");
            return null;
        }

        return new Identifier(value, Str(node["schemeName"]), Country(node["spatial"], path + ".spatial"));
    }

    private Organisation ReadOrganisation(JsonObject node, string path, string? issuerId, params string[] alsoUsed)
    {
        Rest(node, path, ["legalName", "location", "registration", "vatIdentifier", "eIDASIdentifier", "homepage", "contactPoint", .. alsoUsed]);
        var id = IdOf(node);
        string? country = null;
        string? region = null;
        var locations = Objects(node["location"]).ToList();
        if (locations.Count > 1)
        {
            Note(path + ".location: more than one location; the first was read");
        }

        if (locations.FirstOrDefault() is { } location)
        {
            var address = Obj(location, "address");
            var usesSpatialCode = location["geographicName"] is null && location["spatialCode"] is not null;
            Rest(location, path + ".location", usesSpatialCode ? ["address", "geographicName", "spatialCode"] : ["address", "geographicName"]);
            if (address is not null)
            {
                Rest(address, path + ".location.address", "countryCode");
                country = Country(address["countryCode"], path + ".location.address.countryCode");
            }

            region = Text(location["geographicName"], path + ".location.geographicName")?.Value ??
                     (usesSpatialCode ? ConceptOf(location["spatialCode"])?.Label?.Value : null);
        }

        return new Organisation
        {
            Id = id is null || EdcVocabulary.IsLocalId(id) || id == issuerId ? null : id,
            LegalName = Text(node["legalName"], path + ".legalName"),
            Country = country,
            Region = region,
            LegalIdentifier = Str(Obj(node, "registration")?["notation"]),
            VatIdentifier = Str(Obj(node, "vatIdentifier")?["notation"]),
            EidasIdentifier = Str(Obj(node, "eIDASIdentifier")?["notation"]),
            Homepage = WebResourceUrl(node["homepage"], path + ".homepage"),
            Email = Email(node, path),
        };
    }

    private void CheckSameAwarding(JsonObject node, string path, string? bodyId)
    {
        foreach (var process in Objects(node["awardedBy"]))
        {
            if (Objects(process["awardingBody"]).Any(b => IdOf(b) != bodyId))
            {
                Note(path + ".awardedBy: awarded by another organisation than the achievement; not mapped");
            }
        }
    }

    private string? Email(JsonObject node, string path)
    {
        foreach (var contact in Objects(node["contactPoint"]))
        {
            Rest(contact, path + ".contactPoint", "emailAddress");
            foreach (var mailbox in Many(contact["emailAddress"]))
            {
                var id = IdOf(mailbox);
                if (id is not null && id.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                {
                    return id["mailto:".Length..];
                }
            }
        }

        return null;
    }

    private string? Country(JsonNode? node, string path)
    {
        var id = IdOf(node);
        if (id is null)
        {
            return null;
        }

        if (CountryCodes.TryFromAuthorityUri(id, out var alpha2))
        {
            return alpha2;
        }

        Note(path + ": '" + id + "' is not an EU country authority URI");
        return null;
    }

    private Uri? WebResourceUrl(JsonNode? node, string path)
    {
        var resources = Many(node).ToList();
        if (resources.Count > 1)
        {
            Note(path + ": more than one web resource; the first was read");
        }

        var first = resources.FirstOrDefault();
        var url = first is JsonObject o ? Str(o["contentURL"]) ?? IdOf(o) : Str(first);
        if (first is JsonObject resource)
        {
            Rest(resource, path, "contentURL");
        }

        if (url is null)
        {
            return null;
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return uri;
        }

        Note(path + ": '" + url + "' is not an absolute URL");
        return null;
    }

    private decimal? ParseHours(string duration, string path)
    {
        var match = DurationPattern().Match(duration);
        if (!match.Success || duration == "P" || duration.EndsWith('T'))
        {
            Note(path + ": '" + duration + "' is not an ISO 8601 duration; not read");
            return null;
        }

        if (match.Groups["y"].Success || match.Groups["mo"].Success || match.Groups["w"].Success || match.Groups["d"].Success)
        {
            Note(path + ": '" + duration + "' counts years, months, weeks or days (e.g. P60M is 60 months), which are no number of hours; not read");
            return null;
        }

        decimal? Part(string name) =>
            !match.Groups[name].Success ? 0m :
            decimal.TryParse(match.Groups[name].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var part) && part < 1_000_000_000m ? part : null;
        var (h, mi, s) = (Part("h"), Part("mi"), Part("s"));
        if (h is null || mi is null || s is null)
        {
            Note(path + ": '" + duration + "' is out of range; not read");
            return null;
        }

        var hours = h.Value + (mi.Value / 60m) + (s.Value / 3600m);
        if (hours <= 0)
        {
            Note(path + ": '" + duration + "' is no positive duration; not read");
            return null;
        }

        return hours;
    }

    private static bool TryParseDecimal(string? text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out value);

    private LocalizedText? Text(JsonNode? node, string path)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonArray array:
                if (array.Count > 1)
                {
                    Note(path + ": more than one text; the first was read");
                }

                return Text(array.FirstOrDefault(x => x is not null), path);
            case JsonValue:
                return Str(node) is { } plain ? LocalizedText.Of(plain) : null;
            case JsonObject map when map.ContainsKey("@value"):
                return Str(map["@value"]) is { } literal ? LocalizedText.Of(literal, Str(map["@language"]) ?? LocalizedText.DefaultLanguage) : null;
            case JsonObject map:
                var entries = new List<(string, string)>();
                foreach (var (key, value) in map)
                {
                    var language = key == "@none" ? LocalizedText.DefaultLanguage : key;
                    var texts = Many(value).Select(Str).OfType<string>().ToList();
                    if (string.IsNullOrWhiteSpace(language) || texts.Count == 0 ||
                        entries.Exists(e => string.Equals(e.Item1, language, StringComparison.OrdinalIgnoreCase)))
                    {
                        Note(path + ": the entry for language '" + key + "' was not read");
                        continue;
                    }

                    if (texts.Count > 1)
                    {
                        Note(path + ": more than one text in language '" + key + "'; the first was read");
                    }

                    entries.Add((language, texts[0]));
                }

                return entries.Count == 0 ? null : LocalizedText.Create(entries);
            default:
                return null;
        }
    }

    private Concept? ConceptOf(JsonNode? node)
    {
        var first = Many(node).FirstOrDefault();
        var id = IdOf(first);
        if (id is null)
        {
            return null;
        }

        return new Concept(id, first is JsonObject o ? Text(o["prefLabel"], "prefLabel") : null);
    }

    private DateTimeOffset? Date(JsonNode? node, string path)
    {
        if (Str(node) is not { } text)
        {
            return null;
        }

        if (XsdDateTime.TryParse(text, out var value))
        {
            return value;
        }

        Note(path + ": '" + text + "' is not a date-time with a time zone; not read");
        return null;
    }

    private void Rest(JsonObject node, string path, params string[] used)
    {
        foreach (var (key, _) in node)
        {
            if (Array.IndexOf(Ignored, key) < 0 && Array.IndexOf(used, key) < 0)
            {
                Note((path.Length == 0 ? string.Empty : path + ".") + key + ": not mapped");
            }
        }
    }

    private void Note(string note)
    {
        if (_seen.Add(note))
        {
            _notes.Add(note);
        }
    }

    private static string TitleHint(JsonObject node) =>
        Many(node["title"]).FirstOrDefault() is JsonObject map && map.FirstOrDefault() is { Value: { } v } && Many(v).Select(Str).FirstOrDefault() is { } t
            ? " ('" + t + "')"
            : string.Empty;

    private static bool HasType(JsonObject node, string type) => Many(node["type"]).Any(t => Str(t) == type);

    private static JsonObject? Obj(JsonObject node, string key) => Objects(node[key]).FirstOrDefault();

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => Many(node).OfType<JsonObject>();

    private static IEnumerable<JsonNode> Many(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.OfType<JsonNode>(),
        _ => [node],
    };

    private static string? IdOf(JsonNode? node) => node switch
    {
        JsonObject o => Str(o["id"]) ?? Str(o["@id"]),
        _ => Str(node),
    };

    private static string? Str(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue value:
                if (value.TryGetValue<string>(out var s))
                {
                    return s;
                }

                return value.GetValueKind() is JsonValueKind.Number ? value.ToJsonString() : null;
            case JsonArray array:
                return array.Select(Str).FirstOrDefault(x => x is not null);
            case JsonObject o when o.ContainsKey("@value"):
                return Str(o["@value"]);
            default:
                return null;
        }
    }

    private static bool? Bool(JsonNode node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        _ => Str(node) switch { "true" => true, "false" => false, _ => null },
    };

    [GeneratedRegex(@"^P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+(?:\.\d+)?)H)?(?:(?<mi>\d+(?:\.\d+)?)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex("^[0-9]{2,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex IscedCode();
}
