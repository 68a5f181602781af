using System.Net;
using System.Text.Json;
using ProbeHarness.TargetApp.Faults;
using ProbeHarness.TargetApp.Memory;
using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Memory;

public sealed class LeakLimitsTests
{
    [Fact]
    public void More_than_one_call_may_leak_is_refused_naming_the_field_the_value_and_the_limit()
    {
        // Given
        var ballast = new MemoryBallast(new LeakLimits(PerCallMegabytes: 2, TotalMegabytes: 8));

        // When
        var error = Assert.Throws<FaultInputException>(() => ballast.Grow(3));

        // Then
        Assert.Equal("megabytes", error.Field);
        Assert.Equal("megabytes: 3 is more than one call may leak (2, set by LEAK_MAX_MEGABYTES_PER_CALL)", error.Message);
        Assert.Equal(0, ballast.LeakedMegabytes);
    }

    [Fact]
    public void A_call_beyond_the_process_total_is_refused_and_leaks_nothing_more()
    {
        // Given
        var ballast = new MemoryBallast(new LeakLimits(PerCallMegabytes: 2, TotalMegabytes: 3));
        ballast.Grow(2);

        // When
        var error = Assert.Throws<FaultInputException>(() => ballast.Grow(2));

        // Then
        Assert.Equal("megabytes", error.Field);
        Assert.StartsWith(
            "megabytes: 2 more would make 4 in all, more than this process may leak (3, set by LEAK_MAX_MEGABYTES_TOTAL); 2 leaked so far",
            error.Message,
            StringComparison.Ordinal);
        Assert.Equal(2, ballast.LeakedMegabytes);
        ballast.Grow(1);
        Assert.Equal(3, ballast.LeakedMegabytes);
    }

    [Fact]
    public async Task The_fault_api_answers_400_beyond_a_limit_set_by_the_environment()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync(new Dictionary<string, string?>
        {
            ["LEAK_MAX_MEGABYTES_PER_CALL"] = "4",
            ["LEAK_MAX_MEGABYTES_TOTAL"] = "6",
        });
        using var first = await app.PostFaultAsync("leak", "{\"megabytes\":4}");

        // When
        using var tooBig = await app.PostFaultAsync("leak", "{\"megabytes\":5}");
        using var overTotal = await app.PostFaultAsync("leak", "{\"megabytes\":3}");

        // Then
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tooBigError = await ReadJsonAsync(tooBig);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Equal("megabytes", tooBigError.GetProperty("field").GetString());
        Assert.Equal("megabytes: 5 is more than one call may leak (4, set by LEAK_MAX_MEGABYTES_PER_CALL)", tooBigError.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, overTotal.StatusCode);
        Assert.Contains("(6, set by LEAK_MAX_MEGABYTES_TOTAL)", (await ReadJsonAsync(overTotal)).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, (await app.JsonOfAsync("/faults")).GetProperty("memory").GetProperty("leakedMegabytes").GetInt32());
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
}
