using System.Net;
using System.Text.Json;
using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Memory;

public sealed class MemoryBallastTests
{
    [Fact]
    public async Task Leak_grows_the_working_set_and_the_memory_file_by_about_the_requested_megabytes()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        var before = (await app.JsonOfAsync("/faults")).GetProperty("memory").GetProperty("workingSetMegabytes").GetInt64();

        // When
        using var response = await app.PostFaultAsync("leak", "{\"megabytes\":200}");
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, answer.GetProperty("leakedMegabytes").GetInt32());
        var after = answer.GetProperty("workingSetMegabytes").GetInt64();
        Assert.True(after - before >= 180, $"working set went from {before} MB to {after} MB");
        await Poll.UntilAsync(
            () => File.Exists(app.MemoryFile) && long.Parse(File.ReadAllText(app.MemoryFile).Trim()) >= before + 180,
            TimeSpan.FromSeconds(5),
            "the memory file showing the leak");
    }
}
