using MicroCredentials.VC.Proofs.Jose;

namespace MicroCredentials.VC.Tests.Jades;

/// <summary>Binding a seal certificate's organizationIdentifier (ETSI EN 319 412-1) to an issuer's legal identifier.</summary>
public class OrganizationIdentifierTests
{
    private static IEnumerable<TestCaseData> Matching()
    {
        yield return new TestCaseData("VATES-A00000000", "VATES-A00000000", null).SetName("Matches_WholeValue");
        yield return new TestCaseData("VATES-A00000000", "vates-a00000000", null).SetName("Matches_WholeValue_IgnoringCase");
        yield return new TestCaseData("NTREE-17207834", "17207834", "EE").SetName("Matches_BareNumber_WhenIssuerInSameCountry");
        yield return new TestCaseData("VATBE-0123456789", "BE0123456789", null).SetName("Matches_VatNumberWithCountryPrefix");
        yield return new TestCaseData("VATBE-0123456789", "BE 0123.456.789", null).SetName("Matches_VatNumberWithSpacesAndDots");
        yield return new TestCaseData("VATBE-0123456789", "0123456789", "BE").SetName("Matches_BareVatNumber_WhenIssuerInSameCountry");
        yield return new TestCaseData("VATEL-123456789", "EL123456789", null).SetName("Matches_GreekVat_EL");
        yield return new TestCaseData("VATEL-123456789", "123456789", "GR").SetName("Matches_GreekVat_BareNumberInGreece");
        yield return new TestCaseData("LEIXG-529900T8BM49AURSDO55", "LEIXG-529900T8BM49AURSDO55", null).SetName("Matches_Lei");
    }

    private static IEnumerable<TestCaseData> NotMatching()
    {
        yield return new TestCaseData("NTREE-17207834", "17207834", null).SetName("NoMatch_BareNumber_WhenCountryUnknown");
        yield return new TestCaseData("NTREE-17207834", "17207834", "LV").SetName("NoMatch_BareNumber_WhenIssuerInOtherCountry");
        yield return new TestCaseData("NTREE-17207834", "EE17207834", null).SetName("NoMatch_CountryPrefix_OnlyForVat");
        yield return new TestCaseData("VATES-A00000000", "VATES-A00000001", null).SetName("NoMatch_OtherNumber");
        yield return new TestCaseData("VATES-A00000000", "VATFR-A00000000", null).SetName("NoMatch_OtherCountry");
        yield return new TestCaseData("VATBE-0123456789", "FR0123456789", null).SetName("NoMatch_VatWithOtherCountryPrefix");
        yield return new TestCaseData("VATBE-0123456789", "", "BE").SetName("NoMatch_Empty");
        yield return new TestCaseData("VATBE-0123456789", "-", "BE").SetName("NoMatch_OnlyPunctuation");
        yield return new TestCaseData("ACME 42", "42", "BE").SetName("NoMatch_NonStandardForm_OnlyWholeValue");
    }

    [TestCaseSource(nameof(Matching))]
    public void Matches_True(string orgId, string notation, string? country) =>
        Assert.That(new OrganizationIdentifier(orgId).Matches(notation, country), Is.True);

    [TestCaseSource(nameof(NotMatching))]
    public void Matches_False(string orgId, string notation, string? country) =>
        Assert.That(new OrganizationIdentifier(orgId).Matches(notation, country), Is.False);

    [Test]
    public void Parts_StandardForm_AreSplit()
    {
        var id = new OrganizationIdentifier("NTREE-17207834");
        Assert.That((id.Semantics, id.Country, id.Identifier), Is.EqualTo(("NTR", "EE", "17207834")));
    }

    [Test]
    public void Parts_NonStandardForm_AreNull()
    {
        var id = new OrganizationIdentifier("ACME 42");
        Assert.That((id.Semantics, id.Country, id.Identifier), Is.EqualTo(((string?)null, (string?)null, "ACME 42")));
    }

    [Test]
    public void TryFromCertificate_ReadsOid2_5_4_97()
    {
        using var ca = TestPki.CreateRoot("OrgId CA");
        using var seal = TestPki.CreateSeal(ca, "NTREE-17207834");
        Assert.That(OrganizationIdentifier.TryFromCertificate(seal, out var id), Is.True);
        Assert.That(id!.Value, Is.EqualTo("NTREE-17207834"));
    }

    [Test]
    public void TryFromCertificate_NoAttribute_IsFalse()
    {
        using var ca = TestPki.CreateRoot("OrgId CA");
        using var seal = TestPki.CreateSeal(ca, organizationIdentifier: null);
        Assert.That(OrganizationIdentifier.TryFromCertificate(seal, out _), Is.False);
    }
}
