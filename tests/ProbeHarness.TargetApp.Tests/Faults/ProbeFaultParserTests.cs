using System.Text.Json;
using ProbeHarness.TargetApp.Faults;

namespace ProbeHarness.TargetApp.Tests.Faults;

public sealed class ProbeFaultParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Fail_without_status_defaults_to_500()
    {
        // Given
        var body = Json("{\"mode\":\"fail\"}");

        // When
        var fault = ProbeFaultParser.Parse(body, string.Empty, Now);

        // Then
        Assert.Equal(FaultMode.Fail, fault.Mode);
        Assert.Equal(500, fault.FailureStatus);
        Assert.True(fault.IsActiveAt(Now));
    }

    [Fact]
    public void After_and_for_seconds_become_an_absolute_window()
    {
        // Given
        var body = Json("{\"mode\":\"hang\",\"afterSeconds\":5,\"forSeconds\":2.5}");

        // When
        var fault = ProbeFaultParser.Parse(body, string.Empty, Now);

        // Then
        Assert.Equal(Now.AddSeconds(5), fault.ActiveFrom);
        Assert.Equal(Now.AddSeconds(7.5), fault.ActiveUntil);
        Assert.False(fault.IsActiveAt(Now.AddSeconds(4.9)));
        Assert.True(fault.IsActiveAt(Now.AddSeconds(5)));
        Assert.False(fault.IsActiveAt(Now.AddSeconds(7.5)));
    }

    [Fact]
    public void Redirect_defaults_to_302()
    {
        // Given
        var body = Json("{\"mode\":\"redirect\",\"location\":\"/healthz-target\"}");

        // When
        var fault = ProbeFaultParser.Parse(body, string.Empty, Now);

        // Then
        Assert.Equal(302, fault.RedirectStatus);
        Assert.Equal("/healthz-target", fault.Location);
    }

    [Theory]
    [InlineData("{\"mode\":\"Fail\"}", "liveness.mode")]
    [InlineData("{\"mode\":\"flap\"}", "liveness.every")]
    [InlineData("{\"mode\":\"slow\",\"delayMs\":1.5}", "liveness.delayMs")]
    [InlineData("{\"mode\":\"hang\",\"status\":500}", "liveness.status")]
    [InlineData("{\"mode\":\"redirect\",\"location\":\" \"}", "liveness.location")]
    [InlineData("{\"mode\":\"fail\",\"forSeconds\":0}", "liveness.forSeconds")]
    public void Invalid_bodies_name_the_field_path(string json, string field)
    {
        // Given
        var body = Json(json);

        // When
        var error = Assert.Throws<FaultInputException>(() => ProbeFaultParser.Parse(body, "liveness", Now));

        // Then
        Assert.Equal(field, error.Field);
        Assert.StartsWith($"{field}: ", error.Message);
    }

    [Fact]
    public void A_persisted_fault_reads_back_equal()
    {
        // Given
        var original = new ProbeFault(FaultMode.Flap, Status: 503, Every: 3, ActiveFrom: Now, ActiveUntil: Now.AddMinutes(1));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            original.WriteTo(writer, Now);
        }

        // When
        var read = ProbeFaultParser.ParsePersisted(JsonDocument.Parse(buffer.ToArray()).RootElement, "liveness");

        // Then
        Assert.Equal(original, read);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
