using ProbeHarness.Steps.Drivers;

namespace ProbeHarness.Steps.Tests.Drivers;

public sealed class FaultRequestTests
{
    [Fact]
    public void A_typed_fault_makes_the_fault_API_call_the_target_app_documents()
    {
        // Given a scheduled slow readiness answer, a crash and clearing
        var slow = FaultRequest.Slow(ProbeKind.Readiness, 1600).Scheduled(5, 30);
        var crash = FaultRequest.Crash(3);
        var clear = FaultRequest.ClearAll();

        // When / Then
        Assert.Equal(("PUT", "/faults/readiness"), (slow.Method, slow.Path));
        Assert.Equal("""{"mode":"slow","delayMs":1600,"afterSeconds":5,"forSeconds":30}""", slow.Body()!.ToJsonString());
        Assert.Equal((5.0, 30.0), (slow.ActiveAfterSeconds, slow.ActiveForSeconds));
        Assert.Equal(("POST", "/faults/crash", true), (crash.Method, crash.Path, crash.EndsProcess));
        Assert.Equal("""{"exitCode":3}""", crash.Body()!.ToJsonString());
        Assert.Equal(("DELETE", "/faults", true, null), (clear.Method, clear.Path, clear.Heals, clear.Body()));
    }

    [Fact]
    public void Only_probe_endpoint_faults_can_be_scheduled()
    {
        // Given / When / Then
        Assert.Throws<ScenarioInputException>(() => FaultRequest.Tcp(open: false).Scheduled(1, null));
        Assert.Throws<ScenarioInputException>(() => FaultRequest.Recover(ProbeKind.Liveness).Scheduled(null, 3));
    }

    [Fact]
    public void Kill_and_freeze_are_the_probe_fault_proxy_s_calls_and_the_target_app_s_own_faults_are_not()
    {
        // Given
        var kill = FaultRequest.Kill();
        var freeze = FaultRequest.Freeze(frozen: true);
        var thaw = FaultRequest.Freeze(frozen: false);

        // When / Then: the proxy answers these; it refuses an exit code (SIGKILL always exits 137)
        Assert.Equal(("POST", "/faults/crash", "{}", true, 137), (kill.Method, kill.Path, kill.Body()!.ToJsonString(), kill.EndsProcess, kill.ExitCode));
        Assert.Equal(("PUT", "/faults/freeze", """{"frozen":true}""", false), (freeze.Method, freeze.Path, freeze.Body()!.ToJsonString(), freeze.Heals));
        Assert.Equal(("""{"frozen":false}""", true), (thaw.Body()!.ToJsonString(), thaw.Heals));
        Assert.True(kill.NeedsProxy && freeze.NeedsProxy && thaw.NeedsProxy);
        Assert.True(FaultRequest.Crash(3).NeedsTargetApp && FaultRequest.Leak(10).NeedsTargetApp && FaultRequest.Dependency(false).NeedsTargetApp);
        Assert.False(FaultRequest.Fail(ProbeKind.Liveness, 500).NeedsTargetApp || FaultRequest.Fail(ProbeKind.Liveness, 500).NeedsProxy);
    }
}
