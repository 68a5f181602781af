using System.Net;
using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Lifecycle;

public sealed class ProcessExitTests
{
    [Theory]
    [InlineData("{\"exitCode\":3}", 3)]
    [InlineData("{}", 1)]
    public async Task Crash_answers_202_then_exits_with_the_requested_code(string body, int expected)
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();

        // When
        using var response = await app.PostFaultAsync("crash", body);
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(10));

        // Then
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(expected, exitCode);
        var exit = await app.WaitForLineAsync(json => json.GetProperty("kind").GetString() == "exit", TimeSpan.FromSeconds(5));
        Assert.Equal(expected, exit.GetProperty("exitCode").GetInt32());
    }
}
