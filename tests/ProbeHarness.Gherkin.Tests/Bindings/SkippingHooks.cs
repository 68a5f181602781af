using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace ProbeHarness.Gherkin.Tests.Bindings;

/// <summary>Hook of Features/Skipping.feature: skips at run time, as a suite does for a backend that cannot run a scenario.</summary>
[Binding]
public sealed class SkippingHooks(IUnitTestRuntimeProvider runtime)
{
    public const string Reason = "this sample backend cannot run the scenario";

    [BeforeScenario("skipped-by-hook")]
    public void SkipScenario() => runtime.TestIgnore(Reason);
}
