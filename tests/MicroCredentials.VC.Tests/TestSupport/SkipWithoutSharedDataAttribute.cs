using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

[assembly: MicroCredentials.VC.Tests.TestSupport.SkipWithoutSharedData]

namespace MicroCredentials.VC.Tests.TestSupport;

/// <summary>
/// Without <c>../shared</c>, a test case source that reads it fails to load (NUnit marks its cases not runnable, which
/// counts as a failure). Applied to the assembly, this turns exactly those cases into skipped ones with
/// <see cref="Shared.MissingReason"/>; any other load failure stays a failure.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class SkipWithoutSharedDataAttribute : NUnitAttribute, IApplyToTest
{
    public void ApplyToTest(Test test)
    {
        if (test.RunState == RunState.NotRunnable
            && test.Properties.Get(PropertyNames.SkipReason) is string reason
            && reason.Contains(Shared.MissingMarker, StringComparison.Ordinal))
        {
            test.RunState = RunState.Ignored;
            test.Properties.Set(PropertyNames.SkipReason, reason[reason.IndexOf(Shared.MissingMarker, StringComparison.Ordinal)..]);
        }

        foreach (var child in test.Tests)
        {
            ApplyToTest((Test)child);
        }
    }
}
