using System.Net;
using System.Text.Json;
using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Faults;

public sealed class FaultApiHandlerTests(SharedTargetApp shared) : IClassFixture<SharedTargetApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private TargetAppProcess App => shared.App;

    [Theory]
    [InlineData("liveness", "{\"mode\":\"bogus\"}", "mode", "fail")]
    [InlineData("liveness", "{}", "mode", "hang")]
    [InlineData("liveness", "{\"mode\":\"fail\",\"status\":200}", "status", null)]
    [InlineData("liveness", "{\"mode\":\"fail\",\"status\":\"500\"}", "status", null)]
    [InlineData("readiness", "{\"mode\":\"slow\"}", "delayMs", null)]
    [InlineData("readiness", "{\"mode\":\"flap\",\"every\":0}", "every", null)]
    [InlineData("startup", "{\"mode\":\"redirect\"}", "location", null)]
    [InlineData("startup", "{\"mode\":\"redirect\",\"location\":\"/x\",\"status\":500}", "status", null)]
    [InlineData("liveness", "{\"mode\":\"fail\",\"delayMs\":5}", "delayMs", null)]
    [InlineData("liveness", "{\"mode\":\"fail\",\"afterSeconds\":-1}", "afterSeconds", null)]
    [InlineData("liveness", "{\"mode\":\"ok\",\"forSeconds\":3}", "forSeconds", null)]
    [InlineData("liveness", "{\"mode\":\"fail\",\"colour\":\"red\"}", "colour", "forSeconds")]
    [InlineData("liveness", "[]", "", null)]
    [InlineData("tcp", "{\"open\":\"no\"}", "open", null)]
    [InlineData("tcp", "{}", "open", null)]
    [InlineData("dependency", "{\"available\":1}", "available", null)]
    public async Task Bad_fault_input_answers_400_naming_the_field_and_leaves_the_state_unchanged(
        string target, string body, string field, string? oneAllowedValue)
    {
        // Given
        var before = FaultFields(await App.JsonOfAsync("/faults"));

        // When
        using var response = await App.PutFaultAsync(target, body);
        var error = await ReadJsonAsync(response);

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("problem").GetString()));
        if (oneAllowedValue is not null)
        {
            Assert.Contains(oneAllowedValue, error.GetProperty("allowed").EnumerateArray().Select(value => value.GetString()));
        }

        Assert.Equal(before, FaultFields(await App.JsonOfAsync("/faults")));
    }

    [Theory]
    [InlineData("{\"mode\": \"fail\",", 1)]
    [InlineData("{\n  \"mode\": fail\n}", 2)]
    public async Task Malformed_json_answers_400_naming_line_and_position(string body, int line)
    {
        // Given
        var before = FaultFields(await App.JsonOfAsync("/faults"));

        // When
        using var response = await App.PutFaultAsync("liveness", body);
        var error = await ReadJsonAsync(response);

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"malformed JSON at line {line}, position ", error.GetProperty("error").GetString());
        Assert.Equal(before, FaultFields(await App.JsonOfAsync("/faults")));
    }

    [Fact]
    public async Task An_unknown_probe_answers_404_listing_the_known_ones()
    {
        // Given
        var before = FaultFields(await App.JsonOfAsync("/faults"));

        // When
        using var response = await App.PutFaultAsync("lifeness", "{\"mode\":\"fail\"}");
        var error = await ReadJsonAsync(response);

        // Then
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("lifeness", error.GetProperty("error").GetString());
        Assert.Equal(
            ["liveness", "readiness", "startup", "tcp", "dependency"],
            error.GetProperty("allowed").EnumerateArray().Select(value => value.GetString()));
        Assert.Equal(before, FaultFields(await App.JsonOfAsync("/faults")));
    }

    [Fact]
    public async Task Bad_crash_and_leak_input_answers_400_and_the_process_keeps_running()
    {
        // Given
        var leakedBefore = (await App.JsonOfAsync("/faults")).GetProperty("memory").GetProperty("leakedMegabytes").GetInt32();

        // When
        using var crash = await App.PostFaultAsync("crash", "{\"exitCode\":300}");
        using var leak = await App.PostFaultAsync("leak", "{\"megabytes\":0}");
        using var leakWithoutSize = await App.PostFaultAsync("leak", "{}");

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, crash.StatusCode);
        Assert.Equal("exitCode", (await ReadJsonAsync(crash)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, leak.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, leakWithoutSize.StatusCode);
        Assert.False(App.HasExited);
        Assert.Equal(leakedBefore, (await App.JsonOfAsync("/faults")).GetProperty("memory").GetProperty("leakedMegabytes").GetInt32());
    }

    [Fact]
    public async Task Delete_clears_every_fault()
    {
        // Given
        using var liveness = await App.PutFaultAsync("liveness", "{\"mode\":\"fail\"}");
        using var tcp = await App.PutFaultAsync("tcp", "{\"open\":false}");
        using var dependency = await App.PutFaultAsync("dependency", "{\"available\":false}");
        Assert.Equal(500, await App.StatusOfAsync("/healthz"));

        // When
        using var response = await App.Http.DeleteAsync("/faults", Token);
        var state = await ReadJsonAsync(response);

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", state.GetProperty("liveness").GetProperty("mode").GetString());
        Assert.True(state.GetProperty("tcp").GetProperty("open").GetBoolean());
        Assert.True(state.GetProperty("dependency").GetProperty("available").GetBoolean());
        Assert.Equal(200, await App.StatusOfAsync("/healthz"));
        Assert.Equal(200, await App.StatusOfAsync("/readyz"));
        Assert.True(await TargetAppProcess.IsAcceptingAsync(App.TcpPort));
    }

    [Fact]
    public async Task Get_reports_a_set_fault_with_its_fields_and_window()
    {
        // Given
        using var put = await App.PutFaultAsync("startup", "{\"mode\":\"flap\",\"every\":4,\"status\":503,\"afterSeconds\":60,\"forSeconds\":30}");

        // When
        var startup = (await App.JsonOfAsync("/faults")).GetProperty("startup");
        using var reset = await App.Http.DeleteAsync("/faults", Token);

        // Then
        Assert.Equal("flap", startup.GetProperty("mode").GetString());
        Assert.Equal(4, startup.GetProperty("every").GetInt32());
        Assert.Equal(503, startup.GetProperty("status").GetInt32());
        Assert.False(startup.GetProperty("active").GetBoolean());
        var from = startup.GetProperty("activeFrom").GetDateTimeOffset();
        var until = startup.GetProperty("activeUntil").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromSeconds(30), until - from);
        Assert.InRange(from - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(61));
    }

    private static string FaultFields(JsonElement state) =>
        string.Join('|', new[] { "liveness", "readiness", "startup", "tcp", "dependency" }.Select(key => state.GetProperty(key).GetRawText()));

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement.Clone();
}
