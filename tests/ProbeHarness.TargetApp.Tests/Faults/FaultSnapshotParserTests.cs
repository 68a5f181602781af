using ProbeHarness.TargetApp.Faults;

namespace ProbeHarness.TargetApp.Tests.Faults;

public sealed class FaultSnapshotParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Keys_set_their_parts_and_absent_keys_stay_healthy()
    {
        // Given
        const string json = """{"liveness":{"mode":"fail","afterSeconds":5},"tcp":{"open":false}}""";

        // When
        var snapshot = FaultSnapshotParser.ParseRequests(json, Now);

        // Then
        Assert.Equal(new ProbeFault(FaultMode.Fail, Status: 500, ActiveFrom: Now.AddSeconds(5)), snapshot.Liveness);
        Assert.Equal(ProbeFault.Healthy, snapshot.Readiness);
        Assert.False(snapshot.TcpOpen);
        Assert.True(snapshot.DependencyAvailable);
    }

    [Theory]
    [InlineData("""{"liveliness":{"mode":"fail"}}""", "liveliness")]
    [InlineData("""{"readiness":{"mode":"slow"}}""", "readiness.delayMs")]
    [InlineData("""{"dependency":{"available":"no"}}""", "dependency.available")]
    [InlineData("""["liveness"]""", "")]
    public void Errors_name_the_field_path(string json, string field)
    {
        // Given
        // (the JSON above)

        // When
        var error = Assert.Throws<FaultInputException>(() => FaultSnapshotParser.ParseRequests(json, Now));

        // Then
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Malformed_json_names_line_and_position()
    {
        // Given
        const string json = "{\n \"liveness\": {\"mode\": \"fail\"\n}";

        // When
        var error = Assert.Throws<FaultInputException>(() => FaultSnapshotParser.ParseRequests(json, Now));

        // Then
        Assert.Contains("malformed JSON at line 3, position ", error.Message);
    }
}
