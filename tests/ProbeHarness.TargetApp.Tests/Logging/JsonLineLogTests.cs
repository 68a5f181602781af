using System.Globalization;
using System.Text.Json;
using ProbeHarness.TargetApp.Logging;
using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Logging;

public sealed class JsonLineLogTests
{
    [Fact]
    public async Task Every_stdout_line_is_json_and_probe_lines_carry_the_timeline_fields()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/readyz");
        request.Headers.UserAgent.ParseAdd("kube-probe/1.32");

        // When
        using var response = await app.Http.SendAsync(request, TestContext.Current.CancellationToken);
        using var fault = await app.PutFaultAsync("liveness", "{\"mode\":\"fail\"}");
        await app.StatusOfAsync("/healthz");
        var probeLine = await app.WaitForLineAsync(
            json => json.GetProperty("kind").GetString() == "probe" && json.GetProperty("probe").GetString() == "liveness",
            TimeSpan.FromSeconds(5));
        Assert.Equal(0, await app.StopAsync(TimeSpan.FromSeconds(10)));

        // Then
        var lines = app.JsonLines();
        Assert.All(lines, line => Assert.True(line.TryGetProperty("kind", out _) || line.TryGetProperty("LogLevel", out _)));
        var readiness = Assert.Single(lines, line => line.GetProperty("kind").GetString() == "probe" && line.GetProperty("probe").GetString() == "readiness");
        Assert.Equal("/readyz", readiness.GetProperty("path").GetString());
        Assert.Equal("kube-probe/1.32", readiness.GetProperty("userAgent").GetString());
        Assert.Equal(200, readiness.GetProperty("status").GetInt32());
        Assert.True(readiness.GetProperty("durationMs").GetDouble() >= 0);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", readiness.GetProperty("time").GetString());
        Assert.Equal(500, probeLine.GetProperty("status").GetInt32());
        Assert.Contains(lines, line => line.GetProperty("kind").GetString() == "fault" && line.GetProperty("path").GetString() == "/faults/liveness");
    }

    [Fact]
    public void A_line_holds_the_common_fields_then_the_given_ones()
    {
        // Given
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var log = new JsonLineLog("abc123", output);

        // When
        log.Write("probe", json => json.WriteString("probe", "it's"));

        // Then
        var text = output.ToString();
        Assert.EndsWith("\n", text);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var line = JsonDocument.Parse(text).RootElement;
        Assert.Equal(["time", "kind", "instance", "probe"], line.EnumerateObject().Select(property => property.Name));
        Assert.Equal("it's", line.GetProperty("probe").GetString());
        Assert.Contains("it's", text);
    }
}
