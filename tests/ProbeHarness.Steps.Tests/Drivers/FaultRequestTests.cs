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
}
