using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Faults;

public sealed class FaultApiAvailabilityTests
{
    [Fact]
    public async Task Without_FAULTS_ENABLED_the_fault_api_answers_404_and_probes_still_work()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync(new Dictionary<string, string?> { ["FAULTS_ENABLED"] = null });

        // When
        var get = await app.StatusOfAsync("/faults");
        using var put = await app.PutFaultAsync("liveness", "{\"mode\":\"fail\"}");
        using var crash = await app.PostFaultAsync("crash", "{\"exitCode\":3}");

        // Then
        Assert.Equal(404, get);
        Assert.Equal(404, (int)put.StatusCode);
        Assert.Equal(404, (int)crash.StatusCode);
        Assert.Equal(200, await app.StatusOfAsync("/healthz"));
        Assert.False(app.HasExited);
    }

    [Fact]
    public async Task FAULTS_ENABLED_false_also_hides_the_fault_api()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync(new Dictionary<string, string?> { ["FAULTS_ENABLED"] = "false" });

        // When
        var get = await app.StatusOfAsync("/faults");

        // Then
        Assert.Equal(404, get);
    }
}
