using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests;

public sealed class TargetAppBuilderTests
{
    [Fact]
    public async Task A_running_target_app_holds_no_inotify_instance()
    {
        // Given: a host running many target apps runs out of inotify instances (128 per user) if each takes one
        Assert.SkipUnless(Directory.Exists("/proc/self/fd"), "needs Linux /proc to list a process's file descriptors");
        await using var app = await TargetAppProcess.StartAsync();

        // When
        Assert.Equal(200, await app.StatusOfAsync("/healthz"));
        var descriptors = Directory.EnumerateFileSystemEntries($"/proc/{app.ProcessId}/fd")
            .Select(fd => new FileInfo(fd).LinkTarget ?? string.Empty)
            .ToList();

        // Then
        Assert.NotEmpty(descriptors);
        Assert.DoesNotContain("anon_inode:inotify", descriptors);
    }
}
