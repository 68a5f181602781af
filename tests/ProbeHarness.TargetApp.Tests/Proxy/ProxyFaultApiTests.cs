using System.Text.Json;
using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Proxy;

public sealed class ProxyFaultApiTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Freeze_stops_the_app_found_by_its_listening_port_and_thaw_resumes_it()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        var listen = FreePorts.Take(1)[0];
        await using var proxy = await ProxiedTargetApp.StartProxyAsync($"liveness:tcp:{listen}:{app.TcpPort}");

        // When
        using var freeze = await proxy.PutFaultAsync("freeze", "{\"frozen\":true}");
        var frozenAnswer = await JsonOf(freeze);
        await Poll.UntilAsync(() => StateOf(app.ProcessId) == 'T', Deadline, "the app to stop");
        var state = await proxy.JsonOfAsync("/faults");
        using var thaw = await proxy.PutFaultAsync("freeze", "{\"frozen\":false}");
        await Poll.UntilAsync(() => StateOf(app.ProcessId) != 'T', Deadline, "the app to run again");

        // Then
        Assert.Equal(200, (int)freeze.StatusCode);
        Assert.Equal(app.ProcessId, frozenAnswer.GetProperty("pid").GetInt32());
        Assert.Equal("SIGSTOP", frozenAnswer.GetProperty("signal").GetString());
        Assert.True(state.GetProperty("frozen").GetBoolean());
        Assert.Equal(200, (int)thaw.StatusCode);
        Assert.False((await proxy.JsonOfAsync("/faults")).GetProperty("frozen").GetBoolean());
        var thawLine = await proxy.WaitForEventAsync("fault-applied", json => json.GetProperty("target").GetString() == "freeze" && json.GetProperty("signal").GetString() == "SIGCONT");
        Assert.Equal(app.ProcessId, thawLine.GetProperty("pid").GetInt32());
        Assert.False(thawLine.GetProperty("frozen").GetBoolean());
    }

    [Fact]
    public async Task Crash_kills_the_app_with_SIGKILL()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        var listen = FreePorts.Take(1)[0];
        await using var proxy = await ProxiedTargetApp.StartProxyAsync($"liveness:http:{listen}:{app.HttpPort}");

        // When
        using var crash = await proxy.PostFaultAsync("crash", "");
        var exitCode = await app.WaitForExitAsync(Deadline);

        // Then
        Assert.Equal(202, (int)crash.StatusCode);
        Assert.Equal(137, exitCode);
        var line = await proxy.WaitForEventAsync("fault-applied", json => json.GetProperty("target").GetString() == "crash");
        Assert.Equal("SIGKILL", line.GetProperty("signal").GetString());
        Assert.Equal(app.ProcessId, line.GetProperty("pid").GetInt32());
        Assert.True(line.GetProperty("proxied").GetBoolean());
    }

    [Fact]
    public async Task Crash_without_an_app_listening_is_409_naming_why()
    {
        // Given
        var ports = FreePorts.Take(2);
        await using var proxy = await ProxiedTargetApp.StartProxyAsync($"liveness:http:{ports[0]}:{ports[1]}");

        // When
        using var crash = await proxy.PostFaultAsync("crash", "{}");
        var body = await JsonOf(crash);

        // Then
        Assert.Equal(409, (int)crash.StatusCode);
        Assert.Equal("crash", body.GetProperty("field").GetString());
        Assert.Contains($"no socket listens on port {ports[1]}", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_exit_code_cannot_be_chosen_and_dependency_and_leak_are_409()
    {
        // Given
        var ports = FreePorts.Take(2);
        await using var proxy = await ProxiedTargetApp.StartProxyAsync($"readiness:http:{ports[0]}:{ports[1]}");

        // When
        using var crash = await proxy.PostFaultAsync("crash", "{\"exitCode\":3}");
        using var dependency = await proxy.PutFaultAsync("dependency", "{\"available\":false}");
        using var leak = await proxy.PostFaultAsync("leak", "{\"megabytes\":10}");
        var dependencyBody = await JsonOf(dependency);

        // Then
        Assert.Equal(400, (int)crash.StatusCode);
        Assert.Contains("SIGKILL", (await JsonOf(crash)).GetProperty("error").GetString());
        Assert.Equal(409, (int)dependency.StatusCode);
        Assert.Equal("dependency is not available in proxy mode: the proxy cannot reach inside the app", dependencyBody.GetProperty("error").GetString());
        Assert.Equal("dependency", dependencyBody.GetProperty("field").GetString());
        Assert.Equal(409, (int)leak.StatusCode);
        Assert.Equal("leak", (await JsonOf(leak)).GetProperty("field").GetString());
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement.Clone();

    private static char StateOf(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        return stat[stat.LastIndexOf(')') + 2];
    }
}
