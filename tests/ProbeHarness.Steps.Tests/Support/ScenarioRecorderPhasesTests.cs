using ProbeHarness.Reporting.Model;
using ProbeHarness.Steps.Support;

namespace ProbeHarness.Steps.Tests.Support;

public sealed class ScenarioRecorderPhasesTests
{
    [Fact]
    public void Setup_steps_and_teardown_follow_the_marks_and_keep_the_waits()
    {
        // Given a scenario whose namespace was ready at 0.2 s, whose workload was Ready at 3.5 s, which waited twice and whose last step ended at 12 s
        var recorder = new ScenarioRecorder();
        recorder.MarkNamespaceReady(0.2);
        recorder.MarkStepEnded(3.5);
        recorder.MarkSetupDone(3.5);
        recorder.AddWait(new WaitRecord(3.6, 8.0, null));
        recorder.AddWait(new WaitRecord(8.1, 11.9, 3.8));
        recorder.MarkStepEnded(12.0);

        // When the record is written at 12.4 s
        var phases = recorder.PhasesAt(12.4);

        // Then
        Assert.NotNull(phases);
        Assert.Equal(0.2, phases.NamespaceSeconds);
        Assert.Equal(3.5, phases.SetupSeconds);
        Assert.Equal(8.5, phases.StepsSeconds);
        Assert.Equal(0.4, phases.TeardownSeconds);
        Assert.Equal([new WaitRecord(3.6, 8.0, null), new WaitRecord(8.1, 11.9, 3.8)], phases.Waits);
    }

    [Fact]
    public void A_scenario_that_deploys_nothing_has_its_namespace_as_setup_and_one_without_a_namespace_has_no_phases()
    {
        // Given one scenario with a namespace and steps but no workload, and one that never got a namespace
        var withoutWorkload = new ScenarioRecorder();
        withoutWorkload.MarkNamespaceReady(0.1);
        withoutWorkload.MarkStepEnded(0.3);
        var withoutNamespace = new ScenarioRecorder();

        // When
        var phases = withoutWorkload.PhasesAt(0.5);
        var none = withoutNamespace.PhasesAt(0.5);

        // Then the setup is the namespace, the steps run from there; no namespace means not measured
        Assert.NotNull(phases);
        Assert.Equal(0.1, phases.SetupSeconds);
        Assert.Equal(0.2, phases.StepsSeconds);
        Assert.Equal(0.2, phases.TeardownSeconds);
        Assert.Null(none);
    }

    [Fact]
    public void Only_the_first_deploy_ends_the_setup()
    {
        // Given a scenario that deploys, then deploys again after scaling
        var recorder = new ScenarioRecorder();
        recorder.MarkNamespaceReady(0.1);
        recorder.MarkSetupDone(2.0);
        recorder.MarkSetupDone(9.0);
        recorder.MarkStepEnded(10.0);

        // When
        var phases = recorder.PhasesAt(10.0);

        // Then
        Assert.Equal(2.0, phases!.SetupSeconds);
        Assert.Equal(8.0, phases.StepsSeconds);
    }
}
