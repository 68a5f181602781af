using System.Diagnostics;
using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Lifecycle;

public sealed class TerminationSignalsTests
{
    [Fact]
    public async Task Sigterm_stops_gracefully_with_exit_code_0()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();

        // When
        var exitCode = await app.StopAsync(TimeSpan.FromSeconds(10));

        // Then
        Assert.Equal(0, exitCode);
        var signal = await app.WaitForLineAsync(json => json.GetProperty("kind").GetString() == "signal", TimeSpan.FromSeconds(1));
        Assert.Equal("SIGTERM", signal.GetProperty("signal").GetString());
    }

    [Fact]
    public async Task With_EXIT_CODE_ON_SIGTERM_a_graceful_stop_exits_with_that_code()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync(new Dictionary<string, string?> { ["EXIT_CODE_ON_SIGTERM"] = "143" });

        // When
        var exitCode = await app.StopAsync(TimeSpan.FromSeconds(10));

        // Then
        Assert.Equal(143, exitCode);
    }

    [Fact]
    public async Task With_a_shutdown_delay_the_app_keeps_serving_with_readiness_failing_then_exits_0()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync(new Dictionary<string, string?>
        {
            // Long enough that the requests below come well inside it on a starved machine.
            ["SHUTDOWN_DELAY_SECONDS"] = "10",
            ["READINESS_FAILS_ON_SHUTDOWN"] = "true",
        });
        var watch = new Stopwatch();

        // When
        app.Signal(PosixSignals.SigTerm);
        watch.Start();
        await app.WaitForLineAsync(json => json.GetProperty("kind").GetString() == "signal", TimeSpan.FromSeconds(30));
        var readiness = await app.StatusOfAsync("/readyz");
        var liveness = await app.StatusOfAsync("/healthz");
        var work = await app.StatusOfAsync("/");
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        // Then
        Assert.Equal(503, readiness);
        Assert.Equal(200, liveness);
        Assert.Equal(200, work);
        Assert.Equal(0, exitCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(9.8), $"exited {watch.Elapsed} after SIGTERM");
    }

    [Fact]
    public async Task With_a_shutdown_delay_but_no_readiness_flag_readiness_stays_ok()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync(new Dictionary<string, string?> { ["SHUTDOWN_DELAY_SECONDS"] = "10" });

        // When
        app.Signal(PosixSignals.SigTerm);
        await app.WaitForLineAsync(json => json.GetProperty("kind").GetString() == "signal", TimeSpan.FromSeconds(30));
        var readiness = await app.StatusOfAsync("/readyz");
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        // Then
        Assert.Equal(200, readiness);
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task With_IGNORE_SIGTERM_only_sigkill_stops_it_with_137()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync(new Dictionary<string, string?> { ["IGNORE_SIGTERM"] = "true" });

        // When
        app.Signal(PosixSignals.SigTerm);
        var ignored = await app.WaitForLineAsync(json => json.GetProperty("kind").GetString() == "signal", TimeSpan.FromSeconds(5));
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var aliveAfterSigterm = !app.HasExited && await app.StatusOfAsync("/healthz") == 200;
        app.Signal(PosixSignals.SigKill);
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(10));

        // Then
        Assert.StartsWith("ignored", ignored.GetProperty("action").GetString());
        Assert.True(aliveAfterSigterm);
        Assert.Equal(137, exitCode);
    }

    [Fact]
    public async Task Sigterm_during_the_listen_delay_exits_0_without_ever_listening()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync(
            new Dictionary<string, string?> { ["LISTEN_DELAY_SECONDS"] = "30" },
            waitUntilListening: false);
        await app.WaitForLineAsync(json => json.GetProperty("kind").GetString() == "start", TimeSpan.FromSeconds(30));

        // When
        var exitCode = await app.StopAsync(TimeSpan.FromSeconds(10));

        // Then
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain(app.JsonLines(), json => json.GetProperty("kind").GetString() == "listening");
    }
}
