using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Probes;

public sealed class ProbeEvaluatorTests
{
    // Long enough that the first requests come well inside the delay on a starved machine (load 25 made 2 s too short).
    private const string LongDelay = "10";

    private static readonly TimeSpan PassingDeadline = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task A_dependency_outage_fails_readiness_and_work_but_not_liveness()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();

        // When
        using var down = await app.PutFaultAsync("dependency", "{\"available\":false}");
        var readiness = await app.StatusOfAsync("/readyz");
        var liveness = await app.StatusOfAsync("/healthz");
        var work = await app.StatusOfAsync("/");
        using var up = await app.PutFaultAsync("dependency", "{\"available\":true}");

        // Then
        Assert.Equal(503, readiness);
        Assert.Equal(200, liveness);
        Assert.Equal(503, work);
        Assert.Equal(200, await app.StatusOfAsync("/readyz"));
        Assert.Equal(200, await app.StatusOfAsync("/"));
    }

    [Fact]
    public async Task With_LIVENESS_CHECKS_DEPENDENCY_a_dependency_outage_fails_liveness_too()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync(new Dictionary<string, string?> { ["LIVENESS_CHECKS_DEPENDENCY"] = "true" });

        // When
        using var down = await app.PutFaultAsync("dependency", "{\"available\":false}");

        // Then
        Assert.Equal(503, await app.StatusOfAsync("/healthz"));
        Assert.Equal(503, await app.StatusOfAsync("/readyz"));
        Assert.False(File.Exists(app.HealthFile));
    }

    [Fact]
    public async Task During_STARTUP_DELAY_startup_and_readiness_answer_503_while_liveness_answers_200()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync(new Dictionary<string, string?> { ["STARTUP_DELAY_SECONDS"] = LongDelay });

        // When
        var startup = await app.StatusOfAsync("/startupz");
        var readiness = await app.StatusOfAsync("/readyz");
        var liveness = await app.StatusOfAsync("/healthz");

        // Then
        Assert.Equal(503, startup);
        Assert.Equal(503, readiness);
        Assert.Equal(200, liveness);
        await Poll.UntilAsync(async () => await app.StatusOfAsync("/startupz") == 200, PassingDeadline, "startup passing");
        Assert.Equal(200, await app.StatusOfAsync("/readyz"));
    }

    [Fact]
    public async Task During_READY_DELAY_only_readiness_answers_503()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync(new Dictionary<string, string?> { ["READY_DELAY_SECONDS"] = LongDelay });

        // When
        var readiness = await app.StatusOfAsync("/readyz");
        var startup = await app.StatusOfAsync("/startupz");
        var liveness = await app.StatusOfAsync("/healthz");

        // Then
        Assert.Equal(503, readiness);
        Assert.Equal(200, startup);
        Assert.Equal(200, liveness);
        await Poll.UntilAsync(async () => await app.StatusOfAsync("/readyz") == 200, PassingDeadline, "readiness passing");
    }

    [Fact]
    public async Task A_slow_fault_delays_the_underlying_answer_instead_of_hiding_it()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        using var down = await app.PutFaultAsync("dependency", "{\"available\":false}");

        // When
        using var slow = await app.PutFaultAsync("readiness", "{\"mode\":\"slow\",\"delayMs\":200}");
        var body = await app.JsonOfAsync("/readyz");

        // Then
        Assert.Equal("fail", body.GetProperty("status").GetString());
        Assert.Contains("dependency unavailable", body.GetProperty("reason").GetString());
    }
}
