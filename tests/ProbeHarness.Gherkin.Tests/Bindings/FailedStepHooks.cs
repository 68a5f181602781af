using ProbeHarness.Gherkin.Execution;
using Reqnroll;
using Reqnroll.BoDi;

namespace ProbeHarness.Gherkin.Tests.Bindings;

/// <summary>Hook of Features/Failing/UndefinedStep.feature: prints what the adapter says about the failed step to an after-scenario hook.</summary>
[Binding]
public sealed class FailedStepHooks(IObjectContainer container, ITestOutputHelper output)
{
    public const string Prefix = "after-scenario hook saw the failed step ";

    [AfterScenario("undefined")]
    public void PrintFailedStep()
    {
        if (container.IsRegistered<FailedStep>())
        {
            output.WriteLine(Prefix + container.Resolve<FailedStep>());
        }
    }
}
