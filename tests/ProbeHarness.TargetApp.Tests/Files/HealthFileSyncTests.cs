using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Files;

public sealed class HealthFileSyncTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task The_health_file_exists_exactly_while_liveness_is_ok()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        await Poll.UntilAsync(() => File.Exists(app.HealthFile), Settle, "the health file appearing at start");

        // When
        using var fail = await app.PutFaultAsync("liveness", "{\"mode\":\"fail\"}");
        var goneAfterFail = !File.Exists(app.HealthFile);
        using var ok = await app.PutFaultAsync("liveness", "{\"mode\":\"ok\"}");
        var backAfterOk = File.Exists(app.HealthFile);

        // Then
        Assert.True(goneAfterFail);
        Assert.True(backAfterOk);
    }

    [Fact]
    public async Task The_health_file_follows_a_timed_hang_fault()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        await Poll.UntilAsync(() => File.Exists(app.HealthFile), Settle, "the health file appearing at start");

        // When
        using var hang = await app.PutFaultAsync("liveness", "{\"mode\":\"hang\",\"afterSeconds\":0.5,\"forSeconds\":1}");

        // Then
        await Poll.UntilAsync(() => !File.Exists(app.HealthFile), Settle, "the health file disappearing when the hang starts");
        await Poll.UntilAsync(() => File.Exists(app.HealthFile), Settle, "the health file returning when the hang ends");
    }

    [Fact]
    public async Task Readiness_faults_leave_the_health_file_alone_and_a_graceful_stop_removes_it()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        await Poll.UntilAsync(() => File.Exists(app.HealthFile), Settle, "the health file appearing at start");

        // When
        using var readiness = await app.PutFaultAsync("readiness", "{\"mode\":\"fail\"}");
        var presentWithReadinessFault = File.Exists(app.HealthFile);
        var exitCode = await app.StopAsync(TimeSpan.FromSeconds(10));

        // Then
        Assert.True(presentWithReadinessFault);
        Assert.Equal(0, exitCode);
        Assert.False(File.Exists(app.HealthFile));
    }
}
