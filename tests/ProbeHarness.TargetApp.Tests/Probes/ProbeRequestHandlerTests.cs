using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Probes;

public sealed class ProbeRequestHandlerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_healthy_app_answers_200_with_json_on_every_probe_endpoint()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();

        // When
        var answers = new Dictionary<string, JsonElement>();
        foreach (var path in new[] { "/healthz", "/readyz", "/startupz" })
        {
            Assert.Equal(200, await app.StatusOfAsync(path));
            answers[path] = await app.JsonOfAsync(path);
        }

        // Then
        Assert.Equal("liveness", answers["/healthz"].GetProperty("probe").GetString());
        Assert.Equal("readiness", answers["/readyz"].GetProperty("probe").GetString());
        Assert.Equal("startup", answers["/startupz"].GetProperty("probe").GetString());
        Assert.All(answers.Values, body => Assert.Equal("ok", body.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData("liveness", "/healthz", "{\"mode\":\"fail\"}", 500)]
    [InlineData("readiness", "/readyz", "{\"mode\":\"fail\",\"status\":503}", 503)]
    [InlineData("startup", "/startupz", "{\"mode\":\"fail\",\"status\":404}", 404)]
    public async Task Fail_mode_answers_the_requested_status_on_that_probe_only(string probe, string path, string body, int expected)
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();

        // When
        using var put = await app.PutFaultAsync(probe, body);

        // Then
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(expected, await app.StatusOfAsync(path));
        var others = new[] { "/healthz", "/readyz", "/startupz" }.Where(other => other != path);
        foreach (var other in others)
        {
            Assert.Equal(200, await app.StatusOfAsync(other));
        }
    }

    [Fact]
    public async Task Hang_mode_never_answers_so_a_one_second_client_times_out()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        using var put = await app.PutFaultAsync("liveness", "{\"mode\":\"hang\"}");
        using var prober = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };

        // When
        var watch = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<TaskCanceledException>(() => prober.GetAsync($"http://127.0.0.1:{app.HttpPort}/healthz", Token));

        // Then
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"gave up after {watch.Elapsed}");
        Assert.IsType<TimeoutException>(failure.InnerException);
        var line = await app.WaitForLineAsync(
            json => json.GetProperty("kind").GetString() == "probe" && json.GetProperty("result").GetString() == "abandoned",
            TimeSpan.FromSeconds(5));
        Assert.Equal(JsonValueKind.Null, line.GetProperty("status").ValueKind);
        Assert.Equal("fault:hang", line.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Slow_mode_answers_200_only_after_the_delay()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        using var put = await app.PutFaultAsync("readiness", "{\"mode\":\"slow\",\"delayMs\":1500}");
        using var impatient = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };

        // When
        var impatientFailed = await Record.ExceptionAsync(() => impatient.GetAsync($"http://127.0.0.1:{app.HttpPort}/readyz", Token));
        var watch = Stopwatch.StartNew();
        var status = await app.StatusOfAsync("/readyz");

        // Then
        Assert.IsType<TaskCanceledException>(impatientFailed);
        Assert.Equal(200, status);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(1450), $"answered after {watch.Elapsed}");
    }

    [Theory]
    [InlineData(2, new[] { 200, 500, 200, 500, 200, 500 })]
    [InlineData(3, new[] { 200, 200, 500, 200, 200, 500 })]
    public async Task Flap_mode_fails_every_nth_probe(int every, int[] expected)
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        using var put = await app.PutFaultAsync("liveness", $"{{\"mode\":\"flap\",\"every\":{every}}}");

        // When
        var statuses = new List<int>();
        for (var i = 0; i < expected.Length; i++)
        {
            statuses.Add(await app.StatusOfAsync("/healthz"));
        }

        // Then
        Assert.Equal(expected, statuses);
    }

    [Fact]
    public async Task Redirect_mode_to_a_same_host_path_answers_302_and_the_target_answers_200()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        using var put = await app.PutFaultAsync("liveness", "{\"mode\":\"redirect\",\"location\":\"/healthz-target\"}");

        // When
        using var redirect = await app.Http.GetAsync("/healthz", Token);
        var target = await app.StatusOfAsync(redirect.Headers.Location!.OriginalString);

        // Then
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/healthz-target", redirect.Headers.Location.OriginalString);
        Assert.Equal(200, target);
    }

    [Fact]
    public async Task Redirect_mode_to_another_host_answers_the_chosen_3xx_with_that_location()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        using var put = await app.PutFaultAsync("readiness", "{\"mode\":\"redirect\",\"status\":301,\"location\":\"http://other-host.invalid:8080/readyz\"}");

        // When
        using var redirect = await app.Http.GetAsync("/readyz", Token);

        // Then
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal(new Uri("http://other-host.invalid:8080/readyz"), redirect.Headers.Location);
    }

    [Fact]
    public async Task A_fault_with_afterSeconds_starts_later()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        // Timed from before the request: the app starts the 1 s when it receives it, so no 500 can come sooner than
        // 1 s on this clock, however slow the machine is.
        var watch = Stopwatch.StartNew();
        using var put = await app.PutFaultAsync("liveness", "{\"mode\":\"fail\",\"afterSeconds\":1}");

        // When
        var before = await app.StatusOfAsync("/healthz");
        var beforeAt = watch.Elapsed;
        await Poll.UntilAsync(async () => await app.StatusOfAsync("/healthz") == 500, TimeSpan.FromSeconds(60), "liveness failing");
        var failingAt = watch.Elapsed;

        // Then
        Assert.True(before == 200 || beforeAt >= TimeSpan.FromSeconds(1), $"answered {before} after {beforeAt}, before the fault was due");
        Assert.True(failingAt >= TimeSpan.FromSeconds(1), $"failed after {failingAt}");
    }

    [Fact]
    public async Task A_fault_with_forSeconds_reverts_to_ok()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        // Timed from before the request: the app starts the 1 s on receipt, so no recovery can come sooner on this clock.
        var watch = Stopwatch.StartNew();
        using var put = await app.PutFaultAsync("readiness", "{\"mode\":\"fail\",\"forSeconds\":1}");

        // When
        var during = await app.StatusOfAsync("/readyz");
        var duringAt = watch.Elapsed;
        await Poll.UntilAsync(async () => await app.StatusOfAsync("/readyz") == 200, TimeSpan.FromSeconds(60), "readiness recovering");
        var recoveredAt = watch.Elapsed;
        var state = await app.JsonOfAsync("/faults");

        // Then
        Assert.True(during == 500 || duringAt >= TimeSpan.FromSeconds(1), $"answered {during} after {duringAt}, while the fault was on");
        Assert.True(recoveredAt >= TimeSpan.FromSeconds(1), $"recovered after {recoveredAt}");
        Assert.False(state.GetProperty("readiness").GetProperty("active").GetBoolean());
    }
}
