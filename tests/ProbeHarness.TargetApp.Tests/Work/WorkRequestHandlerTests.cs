using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Work;

public sealed class WorkRequestHandlerTests
{
    [Fact]
    public async Task Work_names_the_pod_and_an_instance_id_that_changes_on_every_start()
    {
        // Given
        string firstInstance;
        await using (var first = await TargetAppProcess.StartAsync())
        {
            firstInstance = (await first.JsonOfAsync("/")).GetProperty("instance").GetString()!;
        }

        // When
        await using var second = await TargetAppProcess.StartAsync();
        var body = await second.JsonOfAsync("/");

        // Then
        Assert.Equal("test-pod", body.GetProperty("pod").GetString());
        Assert.Matches("^[0-9a-f]{12}$", firstInstance);
        Assert.NotEqual(firstInstance, body.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task Without_POD_NAME_work_names_the_host()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync(new Dictionary<string, string?> { ["POD_NAME"] = null });

        // When
        var body = await app.JsonOfAsync("/");

        // Then
        Assert.Equal(Environment.MachineName, body.GetProperty("pod").GetString());
    }
}
