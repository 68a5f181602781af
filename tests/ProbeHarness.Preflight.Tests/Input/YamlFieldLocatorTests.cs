using ProbeHarness.Preflight.Input;
using YamlDotNet.RepresentationModel;

namespace ProbeHarness.Preflight.Tests.Input;

public sealed class YamlFieldLocatorTests
{
    private const string Yaml = """
        spec:
          containers:
            - name: a
            - name: b
              livenessProbe:
                periodSeconds: 5
        """;

    [Theory]
    [InlineData("spec.containers[1].livenessProbe.periodSeconds", 6)]
    [InlineData("spec.containers[1].livenessProbe.timeoutSeconds", 5)]
    [InlineData("spec.containers[1].readinessProbe", 4)]
    [InlineData("spec.containers[7]", 2)]
    [InlineData("spec.containers[0]", 3)]
    public void A_field_gets_its_keys_line_or_its_nearest_written_parents(string field, long line)
    {
        // Given
        var stream = new YamlStream();
        stream.Load(new StringReader(Yaml));
        var locator = new YamlFieldLocator(stream.Documents[0].RootNode);

        // When
        var found = locator.Line(field);

        // Then
        Assert.Equal(line, found);
    }
}
