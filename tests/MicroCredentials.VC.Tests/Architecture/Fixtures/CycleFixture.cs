// A deliberate namespace cycle for NamespaceGraphTests: Upper -> Lower through a property type, and the back-edge
// Lower -> Upper only through a call in a lambda inside an async method (a closure in a state machine), so the
// analysis must decode IL and map compiler-generated types to their declaring type to find it. Leaf is used by both
// and is in no cycle.
namespace MicroCredentials.VC.Tests.Architecture.CycleFixture.Upper
{
    public sealed class Service
    {
        public Lower.Part Part { get; } = new();

        public static bool IsBig(int value) => value > Leaf.Limits.Big;
    }
}

namespace MicroCredentials.VC.Tests.Architecture.CycleFixture.Lower
{
    public sealed class Part
    {
        public int Threshold { get; } = Leaf.Limits.Big;

        public static async Task<int> CountBigAsync(IEnumerable<int> values, int offset)
        {
            await Task.Yield();
            return values.Count(v => Upper.Service.IsBig(v + offset));
        }
    }
}

namespace MicroCredentials.VC.Tests.Architecture.CycleFixture.Leaf
{
    public static class Limits
    {
        public static int Big { get; } = 3;
    }
}
