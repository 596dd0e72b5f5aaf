using System.Globalization;
using System.Text.Json.Nodes;
using MicroCredentials.VC.Model;

namespace MicroCredentials.VC.Profiles;

/// <summary>
/// Reads an Open Badges 3.0 credential into the model, leniently: single values or arrays everywhere, the terms of our
/// extension context first, the Open Badges properties (and the edubadges extension terms) otherwise, and a note for
/// every property the model cannot hold. Never throws for bad content. Notes never quote the learner's data.
/// </summary>
internal sealed class Ob3Reader
{
    private const string SubjectPath = "credentialSubject";
    private const string AchievementPath = SubjectPath + ".achievement";

    private readonly List<string> _notes = [];
    private string _defaultLanguage = LocalizedText.DefaultLanguage;
    private List<(string Label, string Value)>? _lines;
    private List<string>? _narrativeOutcomes;

    /// <summary>Whether a document is typed <c>OpenBadgeCredential</c> or <c>AchievementCredential</c>.</summary>
    public static bool IsOpenBadge(JsonObject document) =>
        Many(document["type"]).Any(t => Str(t) is OpenBadges3Profile.CredentialType or "AchievementCredential");

    public ProfileReadResult Read(JsonObject doc)
    {
        if (!IsOpenBadge(doc))
        {
            Note("type: neither OpenBadgeCredential nor AchievementCredential; nothing was read");
            return new(new MicroCredential(), _notes);
        }

        var contexts = Many(doc["@context"]).Select(Str).OfType<string>().ToList();
        var ours = contexts.Contains(OpenBadges3Profile.ExtensionContext);
        var subject = Objects(doc["credentialSubject"]).FirstOrDefault() ?? new JsonObject();
        if (Many(doc["credentialSubject"]).Count() > 1)
        {
            Note(SubjectPath + ": more than one subject; the first was read");
        }

        var achievement = Obj(subject, "achievement") ?? new JsonObject();
        if (!ours && Str(Obj(achievement, "criteria")?["narrative"]) is { } narrative && Ob3Narrative.IsOurs(narrative))
        {
            // Our published-contexts form: the outcomes and the labelled lines of the narrative, texts in the default language.
            (_narrativeOutcomes, _lines) = Ob3Narrative.Parse(narrative);
        }
        else if (!ours && Str(achievement["inLanguage"]) is { } inLanguage)
        {
            // Without our extension, a plain text is taken to be in the achievement's language.
            _defaultLanguage = inLanguage;
        }

        Unhandled(doc, string.Empty, "@context", "id", "type", "name", "nameLanguageMap", "description", "issuer", "validFrom", "validUntil", "issuanceDate", "expirationDate",
            "awardedDate", "credentialSubject", "proof", "credentialSchema", "credentialStatus");
        var issuerNode = doc["issuer"] as JsonObject;
        var issuerId = Str(issuerNode?["id"]) ?? Str(doc["issuer"]);

        var title = Text(achievement, "name", Ob3Terms.NameMap, AchievementPath) ?? Text(doc, "name", Ob3Terms.NameMap, "name");
        var description = Text(achievement, "description", Ob3Terms.DescriptionMap, AchievementPath);
        if (description is not null && title is not null && description.Equals(title))
        {
            description = null;
        }

        var creator = Obj(achievement, "creator");
        if (creator is not null && issuerNode is not null && Str(creator["id"]) is { } creatorId && creatorId == issuerId)
        {
            // The issuer created the achievement: its profile in issuer says the most.
            creator = null;
        }

        var awardingNode = creator ?? issuerNode;
        var awardingBody = awardingNode is null ? null : Organisation(awardingNode, creator is null ? "issuer" : AchievementPath + ".creator");
        if (awardingBody is not null && (creator is null || awardingBody.Id == issuerId))
        {
            awardingBody = awardingBody with { Id = null };
        }

        if (creator is not null && issuerNode is not null)
        {
            Unhandled(issuerNode, "issuer", "id", "type", "name", "nameLanguageMap", "url", "email", "address", "otherIdentifier");
        }

        var provider = Obj(subject, "source") is { } source ? Organisation(source, SubjectPath + ".source")
            : Obj(achievement, Ob3Terms.LearningProvider) is { } lp ? Organisation(lp, AchievementPath + "." + Ob3Terms.LearningProvider)
            : Line(Ob3Narrative.Provider) is { } providerName ? new Organisation { LegalName = LocalizedText.Of(providerName, _defaultLanguage), Country = Line(Ob3Narrative.ProviderCountry) } : null;

        var model = new MicroCredential
        {
            Id = Str(doc["id"]),
            Learner = Learner(subject),
            Title = title,
            Description = description,
            AwardingBody = awardingBody,
            Provider = provider,
            IssuedOn = Date(doc, "validFrom") ?? Date(doc, "issuanceDate"),
            AwardedOn = Date(doc, "awardedDate"),
            ExpiresOn = Date(doc, "validUntil") ?? Date(doc, "expirationDate"),
            LearningOutcomes = Outcomes(achievement),
            Workload = Workload(achievement, ours),
            Level = Level(achievement),
            Assessment = Assessment(achievement, subject, ours),
            Participation = Participation(achievement),
            QualityAssurance = QualityAssurance(achievement),
            Prerequisites = Map(achievement[Ob3Terms.Prerequisites], AchievementPath + "." + Ob3Terms.Prerequisites) ?? LineText(Ob3Narrative.Prerequisites),
            Stackability = Stackability(achievement),
            FurtherInformation = FurtherInformation(achievement),
            Languages = Languages(achievement),
        };
        if (_lines is not null)
        {
            model = Ob3Editions.Apply(model, [.. Objects(achievement["related"]).Where(r => Str(r["inLanguage"]) is not null)
                .Select(r => (Str(r["inLanguage"])!, Str(r["name"]), Str(r["description"]), Str(r["narrative"])))]);
        }

        Unhandled(subject, SubjectPath, "id", "type", "identifier", "achievement", "result", "source", Ob3Terms.LearnerIdentifier, Ob3Terms.NationalIdentifier);
        Unhandled(achievement, AchievementPath, "id", "type", "achievementType", "name", Ob3Terms.NameMap, "description", Ob3Terms.DescriptionMap, "criteria", "creditsAvailable",
            "fieldOfStudy", "inLanguage", "alignment", "resultDescription", "creator", "related",
            Ob3Terms.Ects, Ob3Terms.Hours, Ob3Terms.OtherCreditPoints, Ob3Terms.Nqf, Ob3Terms.IscedField, Ob3Terms.Languages, Ob3Terms.LearningOutcome,
            Ob3Terms.TypeOfAssessment, Ob3Terms.AssessmentDescription, Ob3Terms.Supervision, Ob3Terms.GradingScheme, Ob3Terms.FormOfParticipation,
            Ob3Terms.LearningSetting, Ob3Terms.QualityAssurance, Ob3Terms.Prerequisites, Ob3Terms.Stackability, Ob3Terms.FurtherInformationNote,
            Ob3Terms.FurtherInformationPage, Ob3Terms.LearningProvider, "ECTS", "participationType", "assessmentType", "supervisionType", "identityChecked");
        var index = 0;
        foreach (var alignment in Objects(achievement["alignment"]))
        {
            var targetType = Str(alignment["targetType"]);
            var url = Str(alignment["targetUrl"]);
            if (targetType is not (Ob3Terms.EqfTarget or Ob3Terms.IscedTarget or Ob3Terms.QaTarget or Ob3Terms.NqfTarget or Ob3Terms.CreditTarget or Ob3Terms.OtherCreditTarget
                    or Ob3Terms.AssessmentTarget or Ob3Terms.SupervisionTarget or Ob3Terms.ParticipationTarget or Ob3Terms.SettingTarget or Ob3Terms.QaTypeTarget) &&
                !(url?.StartsWith(Ob3Terms.EscoSkillPrefix, StringComparison.Ordinal) ?? false) && !EuVocabularies.TryParseEqf(url, out _))
            {
                Note(AchievementPath + ".alignment[" + index.ToString(CultureInfo.InvariantCulture) + "]: an alignment of type '" + (targetType ?? "(none)") + "' has no element in the model");
            }

            index++;
        }

        if (Str(achievement["achievementType"]) is { } type && type != OpenBadges3Profile.AchievementType)
        {
            Note(AchievementPath + ".achievementType: '" + type + "', not MicroCredential");
        }

        return new(model, _notes);
    }

    private Learner Learner(JsonObject subject)
    {
        string? fullName = null, given = null, family = null, email = null;
        DateOnly? birth = null;
        Identifier? nationalId = null;
        var identifiers = new List<Identifier>();
        var i = 0;
        foreach (var identity in Objects(subject["identifier"]))
        {
            var path = SubjectPath + ".identifier[" + (i++).ToString(CultureInfo.InvariantCulture) + "]";
            var type = Str(identity["identityType"]) ?? "identifier";
            var value = Str(identity["identityHash"]);
            if (Bool(identity["hashed"]) is true || value is null)
            {
                Note(path + ": a hashed " + type + " cannot be read back");
                continue;
            }

            switch (type)
            {
                case "name":
                    fullName = value;
                    break;
                case Ob3Terms.GivenNameIdentity:
                    given = value;
                    break;
                case Ob3Terms.FamilyNameIdentity:
                    family = value;
                    break;
                case "emailAddress":
                    email = value;
                    break;
                case Ob3Terms.DateOfBirthIdentity:
                    if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        birth = date;
                    }
                    else
                    {
                        Note(path + ": the date of birth is not a yyyy-MM-dd date; not read");
                    }

                    break;
                case "nationalIdentityNumber":
                    nationalId = new Identifier(value);
                    break;
                default:
                    identifiers.Add(new Identifier(value, type == "identifier" ? null : Ob3Terms.SchemeOf(type) ?? type));
                    break;
            }
        }

        // Our extension keeps the identifiers' schemes and countries, which IdentityObject has no place for.
        if (subject.ContainsKey(Ob3Terms.LearnerIdentifier))
        {
            identifiers = [.. Objects(subject[Ob3Terms.LearnerIdentifier]).Select(IdentifierOf).OfType<Identifier>()];
        }

        if (Obj(subject, Ob3Terms.NationalIdentifier) is { } nid)
        {
            nationalId = IdentifierOf(nid);
        }

        return new Learner
        {
            Id = Str(subject["id"]),
            FullName = fullName,
            GivenName = given,
            FamilyName = family,
            DateOfBirth = birth,
            NationalId = nationalId,
            Identifiers = identifiers,
            Email = email,
        };
    }

    private static Identifier? IdentifierOf(JsonObject node) =>
        Str(node[Ob3Terms.IdentifierValue]) is { } value ? new Identifier(value, Str(node[Ob3Terms.IdentifierScheme]), Str(node[Ob3Terms.IdentifierCountry])) : null;

    private Organisation Organisation(JsonObject node, string path)
    {
        string? legal = null, vat = null, eidas = null;
        foreach (var entry in Objects(node["otherIdentifier"]))
        {
            var type = Str(entry["identifierType"]);
            var value = Str(entry["identifier"]);
            switch (type)
            {
                case Ob3Terms.LegalIdentifierType:
                    legal = value;
                    break;
                case Ob3Terms.VatIdentifierType:
                    vat = value;
                    break;
                case Ob3Terms.EidasIdentifierType:
                    eidas = value;
                    break;
                default:
                    Note(path + ".otherIdentifier: an identifier of type '" + type + "' has no place in the model");
                    break;
            }
        }

        string? country = null, region = null;
        if (Obj(node, "address") is { } address)
        {
            country = Str(address["addressCountryCode"]) is { Length: 2 } code ? code.ToUpperInvariant() : null;
            if (country is null && address.ContainsKey("addressCountryCode"))
            {
                Note(path + ".address.addressCountryCode: not an ISO 3166-1 alpha-2 code");
            }

            region = Str(address["addressRegion"]);
            Unhandled(address, path + ".address", "type", "addressCountryCode", "addressCountry", "addressRegion");
        }

        Unhandled(node, path, "id", "type", "name", Ob3Terms.NameMap, "url", "email", "address", "otherIdentifier", "image");
        return new Organisation
        {
            Id = Str(node["id"]),
            LegalName = Text(node, "name", Ob3Terms.NameMap, path),
            Country = country,
            Region = region,
            LegalIdentifier = legal,
            VatIdentifier = vat,
            EidasIdentifier = eidas,
            Homepage = Url(node["url"]),
            Email = Str(node["email"]),
        };
    }

    private List<LearningOutcome> Outcomes(JsonObject achievement)
    {
        if (achievement.ContainsKey(Ob3Terms.LearningOutcome))
        {
            return
            [
                .. Objects(achievement[Ob3Terms.LearningOutcome]).Select(lo => new LearningOutcome
                {
                    Title = Map(lo[Ob3Terms.OutcomeStatement], AchievementPath + "." + Ob3Terms.LearningOutcome),
                    EscoSkills = [.. Many(lo[Ob3Terms.RelatedEscoSkill]).Select(Str).OfType<string>()],
                }),
            ];
        }

        var alignments = Objects(achievement["alignment"]).ToList();
        if (_narrativeOutcomes is not null)
        {
            // Ours: the narrative lists the outcomes; an ESCO alignment names the outcome it belongs to.
            return
            [
                .. _narrativeOutcomes.Select(title => new LearningOutcome
                {
                    Title = LocalizedText.Of(title, _defaultLanguage),
                    EscoSkills = [.. alignments.Where(a => Str(a["targetType"]) == Ob3Terms.EscoTarget && Str(a["targetName"]) == title).Select(a => Str(a["targetUrl"])).OfType<string>()],
                }),
            ];
        }

        // Another issuer's badge: each alignment to an ESCO skill is an outcome; else the criteria say what was achieved.
        var outcomes = new List<LearningOutcome>();
        foreach (var alignment in Objects(achievement["alignment"]))
        {
            if (Str(alignment["targetUrl"]) is { } url && url.StartsWith(Ob3Terms.EscoSkillPrefix, StringComparison.Ordinal))
            {
                var name = Str(alignment["targetName"]) ?? Str(alignment["targetDescription"]) ?? url;
                outcomes.Add(LearningOutcome.Of(LocalizedText.Of(name, _defaultLanguage), url));
            }
        }

        if (outcomes.Count > 0)
        {
            Note(AchievementPath + ".learningOutcomes: read from the alignments to ESCO skills");
            if (Obj(achievement, "criteria")?["narrative"] is not null)
            {
                Note(AchievementPath + ".criteria.narrative: no element of the model; not read");
            }
        }
        else if (Str(Obj(achievement, "criteria")?["narrative"]) is { } narrative)
        {
            outcomes.Add(LearningOutcome.Of(LocalizedText.Of(narrative, _defaultLanguage)));
            Note(AchievementPath + ".criteria.narrative: read as the one learning outcome");
        }

        return outcomes;
    }

    private Workload? Workload(JsonObject achievement, bool ours)
    {
        var ects = Number(achievement[Ob3Terms.Ects], AchievementPath + "." + Ob3Terms.Ects);
        if (ects is null && Number(achievement["ECTS"], AchievementPath + ".ECTS") is { } edubadgesEcts)
        {
            ects = edubadgesEcts;
        }

        if (ects is null && !ours && Number(achievement["creditsAvailable"], AchievementPath + ".creditsAvailable") is { } credits)
        {
            ects = credits;
            if (AlignmentConcept(achievement, Ob3Terms.CreditTarget) is null)
            {
                Note(AchievementPath + ".creditsAvailable: read as ECTS credits (no credit system is named)");
            }
        }

        var hours = Number(achievement[Ob3Terms.Hours], AchievementPath + "." + Ob3Terms.Hours)
            ?? (Line(Ob3Narrative.Hours) is { } h && decimal.TryParse(h, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hv) ? hv : null);
        CreditPoints? other = null;
        if (Objects(achievement["alignment"]).FirstOrDefault(a => Str(a["targetType"]) == Ob3Terms.OtherCreditTarget) is { } oc &&
            AlignmentConcept(achievement, Ob3Terms.OtherCreditTarget) is { } otherFramework &&
            decimal.TryParse(Str(oc["targetCode"]), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var otherPoints))
        {
            other = new CreditPoints(otherFramework, otherPoints);
        }

        if (Obj(achievement, Ob3Terms.OtherCreditPoints) is { } o && ConceptOf(o[Ob3Terms.CreditFramework]) is { } framework &&
            Number(o[Ob3Terms.CreditPoints], AchievementPath + "." + Ob3Terms.OtherCreditPoints) is { } points)
        {
            other = new CreditPoints(framework, points);
        }

        return ects is null && hours is null && other is null ? null : new Workload { Ects = ects, Hours = hours, OtherCredits = other };
    }

    private QualificationLevel? Level(JsonObject achievement)
    {
        int? eqf = null;
        var isced = new List<string>();
        foreach (var alignment in Objects(achievement["alignment"]))
        {
            var type = Str(alignment["targetType"]);
            var url = Str(alignment["targetUrl"]);
            if (type == Ob3Terms.EqfTarget || (url is not null && EuVocabularies.TryParseEqf(url, out _)))
            {
                if (EuVocabularies.TryParseEqf(url, out var fromUrl))
                {
                    eqf = fromUrl;
                }
                else if (int.TryParse(Str(alignment["targetCode"]), NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 1 and <= 8)
                {
                    eqf = code;
                }
                else
                {
                    Note(AchievementPath + ".alignment: an EQF alignment without a level 1 to 8");
                }
            }
            else if (type == Ob3Terms.IscedTarget && Str(alignment["targetCode"]) is { } code)
            {
                isced.Add(code);
            }
        }

        if (achievement.ContainsKey(Ob3Terms.IscedField))
        {
            isced = [.. Many(achievement[Ob3Terms.IscedField]).Select(Str).OfType<string>()];
        }
        else if (isced.Count == 0 && Str(achievement["fieldOfStudy"]) is { } field)
        {
            var codes = field.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (codes.Length > 0 && codes.All(c => c.Length is >= 2 and <= 4 && c.All(char.IsAsciiDigit)))
            {
                isced.AddRange(codes);
            }
            else
            {
                Note(AchievementPath + ".fieldOfStudy: not ISCED-F codes; not read");
            }
        }

        var nqf = ConceptOf(achievement[Ob3Terms.Nqf]) ?? AlignmentConcept(achievement, Ob3Terms.NqfTarget);
        return eqf is null && nqf is null && isced.Count == 0 ? null : new QualificationLevel { Eqf = eqf, Nqf = nqf, IscedFields = isced };
    }

    private Assessment? Assessment(JsonObject achievement, JsonObject subject, bool ours)
    {
        var type = ConceptOf(achievement[Ob3Terms.TypeOfAssessment]) ?? AlignmentConcept(achievement, Ob3Terms.AssessmentTarget);
        if (type is null && Str(achievement["assessmentType"]) is { } edubadgesType)
        {
            type = new Concept(EdubadgesTerm("assessment-type-", edubadgesType), LocalizedText.Of(edubadgesType));
        }

        var supervision = ConceptOf(achievement[Ob3Terms.Supervision]) ?? AlignmentConcept(achievement, Ob3Terms.SupervisionTarget);
        if (supervision is null && Str(achievement["supervisionType"]) is { } edubadgesSupervision)
        {
            supervision = edubadgesSupervision switch
            {
                "onsite with identity verification" => EuVocabularies.Supervision.SupervisedWithIdentityCheck,
                "unsupervised with no identity verification" => EuVocabularies.Supervision.UnsupervisedNoIdentityCheck,
                _ => new Concept(EdubadgesTerm("supervision-type-", edubadgesSupervision), LocalizedText.Of(edubadgesSupervision)),
            };
        }

        Grade? grade = null;
        var results = Objects(subject["result"]).ToList();
        if (results.Count > 1)
        {
            Note(SubjectPath + ".result: more than one result; the first was read as the grade");
        }

        if (results.FirstOrDefault() is { } result && Text(result, "value", Ob3Terms.ValueMap, SubjectPath + ".result") is { } value)
        {
            var scheme = Map(achievement[Ob3Terms.GradingScheme], AchievementPath + "." + Ob3Terms.GradingScheme) ?? LineText(Ob3Narrative.GradingScheme);
            if (scheme is null && !ours && _lines is null)
            {
                var described = Objects(achievement["resultDescription"]).FirstOrDefault(d => Str(d["id"]) == Str(result["resultDescription"]));
                if (described is not null && Str(described["name"]) is { } name)
                {
                    var range = Str(described["valueMin"]) is { } min && Str(described["valueMax"]) is { } max ? " (" + min + "–" + max + (Str(described["requiredValue"]) is { } req ? ", pass " + req : string.Empty) + ")" : string.Empty;
                    scheme = LocalizedText.Of(name + range, _defaultLanguage);
                }
            }

            grade = new Grade(value, scheme);
        }

        var description = Map(achievement[Ob3Terms.AssessmentDescription], AchievementPath + "." + Ob3Terms.AssessmentDescription) ?? LineText(Ob3Narrative.AssessmentDescription);
        return type is null && supervision is null && grade is null && description is null
            ? null
            : new Assessment { Type = type, Description = description, Supervision = supervision, Grade = grade };
    }

    private Participation? Participation(JsonObject achievement)
    {
        if (ConceptOf(achievement[Ob3Terms.FormOfParticipation]) is { } mode)
        {
            if (!EuVocabularies.TryParseParticipation(mode.Id, out var parsed))
            {
                Note(AchievementPath + "." + Ob3Terms.FormOfParticipation + ": not a known form of participation");
                return null;
            }

            LearningSetting? setting = EuVocabularies.TryParseLearningSetting(ConceptOf(achievement[Ob3Terms.LearningSetting])?.Id, out var s) ? s : null;
            return new Participation(parsed, setting);
        }

        if (AlignmentConcept(achievement, Ob3Terms.ParticipationTarget) is { } aligned)
        {
            if (!EuVocabularies.TryParseParticipation(aligned.Id, out var fromAlignment))
            {
                Note(AchievementPath + ".alignment: not a known form of participation");
                return null;
            }

            LearningSetting? alignedSetting = EuVocabularies.TryParseLearningSetting(AlignmentConcept(achievement, Ob3Terms.SettingTarget)?.Id, out var s2) ? s2 : null;
            return new Participation(fromAlignment, alignedSetting);
        }

        switch (Str(achievement["participationType"]))
        {
            case null:
                return null;
            case "online":
                return new Participation(ParticipationMode.Online);
            case "onsite or blended":
                Note(AchievementPath + ".participationType: 'onsite or blended' read as blended");
                return new Participation(ParticipationMode.Blended);
            case "work experience":
                return new Participation(ParticipationMode.WorkBased);
            case { } other:
                Note(AchievementPath + ".participationType: '" + other + "' has no form of participation in the model");
                return null;
        }
    }

    private QualityAssurance? QualityAssurance(JsonObject achievement)
    {
        if (Obj(achievement, Ob3Terms.QualityAssurance) is { } qa)
        {
            var path = AchievementPath + "." + Ob3Terms.QualityAssurance;
            return new QualityAssurance
            {
                Description = Map(qa[Ob3Terms.QaDescription], path),
                Agency = Obj(qa, Ob3Terms.QaAgency) is { } agency ? Organisation(agency, path + "." + Ob3Terms.QaAgency) : null,
                Type = ConceptOf(qa[Ob3Terms.QaType]),
                ReportUrl = Url(qa[Ob3Terms.QaReport]),
            };
        }

        if (_lines is not null)
        {
            var qaType = AlignmentConcept(achievement, Ob3Terms.QaTypeTarget);
            var agencyName = LineText(Ob3Narrative.QaAgency);
            var qaDescription = LineText(Ob3Narrative.QaDescription);
            var report = Url(Line(Ob3Narrative.QaReport));
            if (qaType is null && agencyName is null && qaDescription is null && report is null)
            {
                return null;
            }

            return new QualityAssurance
            {
                Description = qaDescription,
                Agency = agencyName is null ? null : new Organisation { LegalName = agencyName, Country = Line(Ob3Narrative.QaAgencyCountry), Homepage = Url(Line(Ob3Narrative.QaAgencyHomepage)) },
                Type = qaType,
                ReportUrl = report,
            };
        }

        var alignment = Objects(achievement["alignment"]).FirstOrDefault(a => Str(a["targetType"]) == Ob3Terms.QaTarget);
        if (alignment is null)
        {
            return null;
        }

        var text = Str(alignment["targetDescription"]) ?? Str(alignment["targetName"]);
        if (Str(alignment["targetCode"]) is { } code)
        {
            text = text is null ? code : text + " (" + code + ")";
        }

        return new QualityAssurance
        {
            Description = text is null ? null : LocalizedText.Of(text, _defaultLanguage),
            ReportUrl = Url(alignment["targetUrl"]),
        };
    }

    private Stackability? Stackability(JsonObject achievement)
    {
        if (Obj(achievement, Ob3Terms.Stackability) is not { } node)
        {
            return _lines is null ? null : StackabilityFromLines();
        }

        var path = AchievementPath + "." + Ob3Terms.Stackability;
        var partOf = new List<RelatedCredential>();
        foreach (var related in Objects(node[Ob3Terms.PartOf]))
        {
            if (Text(related, "name", Ob3Terms.NameMap, path + "." + Ob3Terms.PartOf) is { } title)
            {
                partOf.Add(new RelatedCredential(title, Str(related["id"]) ?? Str(related[Ob3Terms.RelatedIdentifier])));
            }
        }

        return new Stackability
        {
            IsPartialQualification = Bool(node[Ob3Terms.IsPartialQualification]),
            Description = Map(node[Ob3Terms.StackabilityDescription], path),
            PartOf = partOf,
        };
    }

    private Stackability? StackabilityFromLines()
    {
        var partial = Line(Ob3Narrative.Partial) switch { "yes" => true, "no" => (bool?)false, _ => null };
        var description = LineText(Ob3Narrative.Stackability);
        var partOf = new List<RelatedCredential>();
        foreach (var (label, value) in _lines!)
        {
            if (label != Ob3Narrative.PartOf)
            {
                continue;
            }

            var open = value.LastIndexOf(" <", StringComparison.Ordinal);
            partOf.Add(open > 0 && value.EndsWith('>')
                ? new RelatedCredential(LocalizedText.Of(value[..open], _defaultLanguage), value[(open + 2)..^1])
                : new RelatedCredential(LocalizedText.Of(value, _defaultLanguage)));
        }

        return partial is null && description is null && partOf.Count == 0 ? null : new Stackability { IsPartialQualification = partial, Description = description, PartOf = partOf };
    }

    private string? Line(string label) => _lines?.FirstOrDefault(l => l.Label == label).Value;

    private LocalizedText? LineText(string label) => Line(label) is { } value ? LocalizedText.Of(value, _defaultLanguage) : null;

    /// <summary>The concept of the first alignment of a type (our published-contexts form).</summary>
    private static Concept? AlignmentConcept(JsonObject achievement, string targetType)
    {
        var alignment = Objects(achievement["alignment"]).FirstOrDefault(a => Str(a["targetType"]) == targetType);
        if (alignment is null || Str(alignment["targetUrl"]) is not { } url)
        {
            return null;
        }

        var id = url.StartsWith(Ob3Terms.NotationUrl, StringComparison.Ordinal) ? Uri.UnescapeDataString(url[Ob3Terms.NotationUrl.Length..]) : url;
        var name = Str(alignment["targetName"]);
        return new Concept(id, name is null || name == Ob3Terms.FallbackName(targetType) ? null : LocalizedText.Of(name));
    }

    private FurtherInformation? FurtherInformation(JsonObject achievement)
    {
        var note = Map(achievement[Ob3Terms.FurtherInformationNote], AchievementPath + "." + Ob3Terms.FurtherInformationNote) ?? LineText(Ob3Narrative.FurtherInformation);
        var page = Url(achievement[Ob3Terms.FurtherInformationPage]) ?? Url(Line(Ob3Narrative.FurtherInformationPage));
        return note is null && page is null ? null : new FurtherInformation { Note = note, Homepage = page };
    }

    private List<string> Languages(JsonObject achievement)
    {
        if (achievement.ContainsKey(Ob3Terms.Languages))
        {
            return [.. Many(achievement[Ob3Terms.Languages]).Select(Str).OfType<string>()];
        }

        if (Line(Ob3Narrative.Languages) is { } languages)
        {
            return [.. languages.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        }

        return Str(achievement["inLanguage"]) is { } language ? [language] : [];
    }

    private static string EdubadgesTerm(string prefix, string value) =>
        "https://edubadges.nl/static/obv3-glossary.html#" + prefix + value.Replace(' ', '-');

    private Concept? ConceptOf(JsonNode? node)
    {
        if (Many(node).FirstOrDefault() is not JsonObject concept)
        {
            return Str(node) is { } uri ? new Concept(uri) : null;
        }

        var id = Str(concept["id"]) ?? Str(concept[Ob3Terms.Notation]);
        return id is null ? null : new Concept(id, Map(concept[Ob3Terms.PrefLabel], "concept " + id));
    }

    /// <summary>The language map if there is one (it says everything), else the plain string in the default language.</summary>
    private LocalizedText? Text(JsonObject node, string name, string mapName, string path)
    {
        if (Map(node[mapName], path + "." + mapName) is { } map)
        {
            return map;
        }

        var values = Many(node[name]).Select(Str).OfType<string>().ToList();
        if (values.Count > 1)
        {
            Note(path + "." + name + ": more than one text; the first was read");
        }

        return values.Count == 0 ? null : LocalizedText.Of(values[0], _defaultLanguage);
    }

    private LocalizedText? Map(JsonNode? node, string path)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonValue:
                return Str(node) is { } plain ? LocalizedText.Of(plain, _defaultLanguage) : null;
            case JsonObject map:
                var entries = new List<(string, string)>();
                foreach (var (key, value) in map)
                {
                    if (Str(value) is not { } text || string.IsNullOrWhiteSpace(key) || entries.Exists(e => string.Equals(e.Item1, key, StringComparison.OrdinalIgnoreCase)))
                    {
                        Note(path + ": the entry for language '" + key + "' was not read");
                        continue;
                    }

                    entries.Add((key == "@none" ? _defaultLanguage : key, text));
                }

                return entries.Count == 0 ? null : LocalizedText.Create(entries);
            default:
                Note(path + ": not a language map; not read");
                return null;
        }
    }

    private DateTimeOffset? Date(JsonObject doc, string name)
    {
        if (Str(doc[name]) is not { } text)
        {
            return null;
        }

        if (XsdDateTime.TryParse(text, out var value))
        {
            return value;
        }

        Note(name + ": not an XML Schema dateTime with a time zone; not read");
        return null;
    }

    private decimal? Number(JsonNode? node, string path)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<decimal>(out var d))
        {
            return d;
        }

        if (value.TryGetValue<System.Text.Json.JsonElement>(out var element) && element.ValueKind == System.Text.Json.JsonValueKind.Number && element.TryGetDecimal(out d))
        {
            return d;
        }

        if (Str(value) is { } text && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out d))
        {
            return d;
        }

        Note(path + ": not a number; not read");
        return null;
    }

    private static bool? Bool(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<bool>(out var b) ? b :
        node is JsonValue v && v.TryGetValue<System.Text.Json.JsonElement>(out var e) && e.ValueKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False ? e.GetBoolean() : null;

    private static Uri? Url(JsonNode? node) => Str(node) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;

    private void Unhandled(JsonObject node, string path, params string[] handled)
    {
        foreach (var (key, _) in node)
        {
            if (!handled.Contains(key))
            {
                Note((path.Length == 0 ? key : path + "." + key) + ": no element of the model; not read");
            }
        }
    }

    private void Note(string note)
    {
        if (!_notes.Contains(note))
        {
            _notes.Add(note);
        }
    }

    private static JsonObject? Obj(JsonObject node, string key) => Objects(node[key]).FirstOrDefault();

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => Many(node).OfType<JsonObject>();

    private static IEnumerable<JsonNode> Many(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.OfType<JsonNode>(),
        _ => [node],
    };

    private static string? Str(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) ? s :
        node is JsonValue v && v.TryGetValue<System.Text.Json.JsonElement>(out var e) && e.ValueKind == System.Text.Json.JsonValueKind.String ? e.GetString() :
        node is JsonValue n && n.TryGetValue<System.Text.Json.JsonElement>(out var num) && num.ValueKind == System.Text.Json.JsonValueKind.Number ? num.GetRawText() : null;
}
