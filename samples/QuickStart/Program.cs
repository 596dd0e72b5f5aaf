using MicroCredentials.VC.Crypto;
using MicroCredentials.VC.Issuance;
using MicroCredentials.VC.Model;
using MicroCredentials.VC.Verification;

// 1. Describe the micro-credential with the elements of the Council Recommendation.
var model = new MicroCredential
{
    Title = LocalizedText.Create(("en", "Introduction to Data Protection Law"), ("fr", "Introduction au droit de la protection des données")),
    Learner = new Learner { Id = "did:example:learner-42", FullName = "Alex Example" },
    AwardingBody = new Organisation { LegalName = "Example University", Country = "FR" },
    IssuedOn = new DateTimeOffset(2026, 6, 30, 10, 0, 0, TimeSpan.Zero),
    LearningOutcomes = [LearningOutcome.Of("Apply the GDPR's principles to a processing operation")],
    Workload = new Workload { Ects = 3 },
    Level = new QualificationLevel { Eqf = 6 },
    Assessment = new Assessment { Type = EuVocabularies.Assessment.WrittenExamination },
    Participation = new Participation(ParticipationMode.Online),
    QualityAssurance = new QualityAssurance { Description = "Internal quality assurance under the ESG, accredited by Hcéres" },
};

// 2. Issue it: Europass EDC (ELM v3, VC 1.1) secured with an eddsa-rdfc-2022 Data Integrity proof.
using var key = Ed25519SigningKey.Generate();
var issuer = CredentialIssuer.ForDidKey(key);
var issued = await issuer.IssueAsync(model);
if (!issued.Succeeded)
{
    Console.Error.WriteLine(issued.Validation);
    return 1;
}

// 3. Verify it: every check runs and is reported.
var report = await new CredentialVerifier().VerifyAsync(issued.Credential!);
foreach (var check in report.Checks)
{
    Console.WriteLine(check);
}

Console.WriteLine(report.Verified ? "Verified." : "Not verified.");
return report.Verified ? 0 : 1;
