using System.Globalization;
using MicroCredentials.VC.Canonicalization;

namespace MicroCredentials.VC.Tests.Canonicalization;

public class Es6NumberTests
{
    // Values from ECMA-262 behaviour (and RFC 8785 Appendix B).
    [TestCase(0.0, "0")]
    [TestCase(-0.0, "0")]
    [TestCase(1.0, "1")]
    [TestCase(-1.0, "-1")]
    [TestCase(0.1, "0.1")]
    [TestCase(123.456, "123.456")]
    [TestCase(1e21, "1e+21")]
    [TestCase(1e20, "100000000000000000000")]
    [TestCase(123e18, "123000000000000000000")]
    [TestCase(1e-6, "0.000001")]
    [TestCase(1e-7, "1e-7")]
    [TestCase(1.5e-7, "1.5e-7")]
    [TestCase(-1.5e300, "-1.5e+300")]
    [TestCase(double.Epsilon, "5e-324")]
    [TestCase(double.MaxValue, "1.7976931348623157e+308")]
    [TestCase(-double.MaxValue, "-1.7976931348623157e+308")]
    [TestCase(9007199254740991.0, "9007199254740991")]
    [TestCase(9007199254740992.0, "9007199254740992")]
    [TestCase(295147905179352830000.0, "295147905179352830000")]
    [TestCase(4.35, "4.35")]
    [TestCase(0.002, "0.002")]
    [TestCase(1e23, "1e+23")]
    [TestCase(5e-7, "5e-7")]
    [TestCase(333333333.3333332, "333333333.3333332")]
    [TestCase(1.0000000000000002, "1.0000000000000002")]
    public void Format_MatchesEcmaScript(double value, string expected) =>
        Assert.That(Es6Number.Format(value), Is.EqualTo(expected));

    // RFC 8785 Appendix B sample bit patterns.
    [TestCase("0000000000000000", "0")]
    [TestCase("8000000000000000", "0")]
    [TestCase("0000000000000001", "5e-324")]
    [TestCase("8000000000000001", "-5e-324")]
    [TestCase("7fefffffffffffff", "1.7976931348623157e+308")]
    [TestCase("ffefffffffffffff", "-1.7976931348623157e+308")]
    [TestCase("4340000000000000", "9007199254740992")]
    [TestCase("c340000000000000", "-9007199254740992")]
    [TestCase("4430000000000000", "295147905179352830000")]
    [TestCase("44b52d02c7e14af5", "9.999999999999997e+22")]
    [TestCase("44b52d02c7e14af6", "1e+23")]
    [TestCase("44b52d02c7e14af7", "1.0000000000000001e+23")]
    [TestCase("444b1ae4d6e2ef4e", "999999999999999700000")]
    [TestCase("444b1ae4d6e2ef4f", "999999999999999900000")]
    [TestCase("444b1ae4d6e2ef50", "1e+21")]
    [TestCase("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [TestCase("3eb0c6f7a0b5ed8d", "0.000001")]
    [TestCase("41b3de4355555553", "333333333.3333332")]
    [TestCase("41b3de4355555554", "333333333.33333325")]
    [TestCase("41b3de4355555555", "333333333.3333333")]
    [TestCase("41b3de4355555556", "333333333.3333334")]
    [TestCase("41b3de4355555557", "333333333.33333343")]
    [TestCase("becbf647612f3696", "-0.0000033333333333333333")]
    [TestCase("43143ff3c1cb0959", "1424953923781206.2")]
    public void Format_Rfc8785AppendixB(string hexBits, string expected)
    {
        var value = BitConverter.UInt64BitsToDouble(ulong.Parse(hexBits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        Assert.That(Es6Number.Format(value), Is.EqualTo(expected));
    }

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    public void Format_NonFinite_Throws(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Es6Number.Format(value));
}
