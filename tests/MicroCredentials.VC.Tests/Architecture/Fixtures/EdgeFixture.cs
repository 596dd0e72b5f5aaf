// One reference of each kind from EdgeFixture.Source to its own target namespace, for NamespaceGraphTests.
namespace MicroCredentials.VC.Tests.Architecture.EdgeFixture.ViaBase
{
    public class BaseType;
}

namespace MicroCredentials.VC.Tests.Architecture.EdgeFixture.ViaInterface
{
    public interface IMarker
    {
        int Id { get; }
    }
}

namespace MicroCredentials.VC.Tests.Architecture.EdgeFixture.ViaGeneric
{
    public sealed class Argument;
}

namespace MicroCredentials.VC.Tests.Architecture.EdgeFixture.ViaAttribute
{
    [AttributeUsage(AttributeTargets.All)]
    public sealed class MarkAttribute : Attribute;
}

namespace MicroCredentials.VC.Tests.Architecture.EdgeFixture.ViaField
{
    public sealed class FieldType;
}

namespace MicroCredentials.VC.Tests.Architecture.EdgeFixture.ViaSignature
{
    public sealed class Parameter;
}

namespace MicroCredentials.VC.Tests.Architecture.EdgeFixture.ViaIl
{
    public static class Helper
    {
        public static int Value() => 42;
    }
}

namespace MicroCredentials.VC.Tests.Architecture.EdgeFixture.ViaNested
{
    public static class Constants
    {
        public static int Seven() => 7;
    }
}

namespace MicroCredentials.VC.Tests.Architecture.EdgeFixture.ViaAsync
{
    public static class Clock
    {
        public static int Ticks() => 1;
    }
}

namespace MicroCredentials.VC.Tests.Architecture.EdgeFixture.Source
{
    public class Derived : ViaBase.BaseType;

    public sealed class Implements : ViaInterface.IMarker
    {
        public int Id => 1;
    }

    public sealed class Generic : IEquatable<ViaGeneric.Argument>
    {
        public bool Equals(ViaGeneric.Argument? other) => other is null;
    }

    [ViaAttribute.Mark]
    public sealed class Marked;

    public sealed class HasField(object value)
    {
        private readonly ViaField.FieldType? stored = value as ViaField.FieldType;

        public bool HasValue => stored is not null;
    }

    public static class Takes
    {
        public static bool Use(ViaSignature.Parameter? parameter) => parameter is null;
    }

    public static class Calls
    {
        public static int Run() => ViaIl.Helper.Value();
    }

    public static class Awaits
    {
        public static async Task<int> RunAsync()
        {
            await Task.Yield();
            return ViaAsync.Clock.Ticks();
        }
    }

    public static class Outer
    {
        public static IEnumerable<int> Numbers()
        {
            yield return Inner.Get();
        }

        private static class Inner
        {
            public static int Get() => ViaNested.Constants.Seven();
        }
    }
}
