namespace MicroCredentials.VC.Tests.TestSupport;

public class SharedTests
{
    [Test]
    public void SharedData_IsBesideTheCheckout() =>
        Assert.That(Directory.Exists(Shared.Vectors("contexts")), Is.True, Shared.Root);
}
