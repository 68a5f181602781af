using ProbeHarness.Cluster.Manifests;
using ProbeHarness.Preflight.Input;
using ProbeHarness.Preflight.Tests.Samples;

namespace ProbeHarness.Preflight.Tests.Input;

public sealed class ManifestReaderTests
{
    [Fact]
    public void Each_document_of_a_multi_document_file_keeps_its_lines_in_the_file()
    {
        // Given helm template output: a Service, a Deployment, an empty template, a CronJob
        var errors = new List<ManifestException>();

        // When
        var templates = ManifestReader.Read(Manifests.TestData("samples", "helm-rendered.yaml"), "helm-rendered.yaml", errors);

        // Then the Service and the empty document are skipped, and lines count from the top of the file
        Assert.Empty(errors);
        Assert.Equal(["Deployment/shop", "CronJob/shop-cleanup"], templates.Select(t => t.Workload));
        Assert.Equal([15L, 50L], templates.Select(t => t.Document.Line));
        Assert.Equal(35, templates[0].Locator.Line("spec.template.spec.containers[0].livenessProbe"));
        Assert.Equal("spec.jobTemplate.spec.template.spec", templates[1].SpecPath);
        Assert.Equal(67, templates[1].Locator.Line("spec.jobTemplate.spec.template.spec.containers[0].livenessProbe.successThreshold"));
    }

    [Fact]
    public void Windows_line_endings_give_the_same_lines_and_errors()
    {
        // Given the helm output with CRLF, and a misspelt field after a first document
        var helm = File.ReadAllText(Manifests.TestData("samples", "helm-rendered.yaml")).ReplaceLineEndings("\r\n");
        var typo = File.ReadAllText(Manifests.TestData("bad", "misspelt-field.yaml")).ReplaceLineEndings("\r\n");
        var errors = new List<ManifestException>();

        // When
        var templates = ManifestReader.Parse(helm, "helm.yaml", errors);
        ManifestReader.Parse(typo, "typo.yaml", errors);

        // Then
        Assert.Equal(67, templates[1].Locator.Line("spec.jobTemplate.spec.template.spec.containers[0].livenessProbe.successThreshold"));
        var error = Assert.Single(errors);
        Assert.Equal(15, error.Line);
    }

    [Theory]
    [InlineData("unknown-kind.yaml", 7L, "unknown kind 'ServiceMonitor' (apiVersion 'monitoring.coreos.com/v1')")]
    [InlineData("old-api.yaml", 2L, "unknown kind 'Deployment' (apiVersion 'extensions/v1beta1'): Deployment is served as 'apps/v1'")]
    [InlineData("not-yaml.yaml", 4L, "invalid YAML")]
    [InlineData("misspelt-field.yaml", 15L, "Pod typo (line 6): Property 'initialDelaySecond' not found")]
    [InlineData("no-kind.yaml", 1L, "the document has no 'kind'")]
    public void Bad_input_is_an_error_naming_the_file_and_line(string file, long line, string problem)
    {
        // Given
        var errors = new List<ManifestException>();

        // When
        var templates = ManifestReader.Read(Manifests.TestData("bad", file), $"bad/{file}", errors);

        // Then
        Assert.Empty(templates);
        var error = Assert.Single(errors);
        Assert.Equal(($"bad/{file}", line), (error.File, error.Line));
        Assert.StartsWith($"bad/{file}: line {line}", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_is_bad_input_that_says_how_to_split_it()
    {
        // Given kubectl get -o yaml output
        var errors = new List<ManifestException>();

        // When
        ManifestReader.Parse("apiVersion: v1\nkind: List\nitems: []\n", "list.yaml", errors);

        // Then
        var error = Assert.Single(errors);
        Assert.Equal("list.yaml: line 2: unknown kind 'List' (apiVersion 'v1'): a List is not unpacked; write its items as separate documents (kubectl get -o yaml gives a List)", error.Message);
    }

    [Fact]
    public void An_unreadable_file_is_an_error_naming_it()
    {
        // Given a folder where a file is expected
        using var temp = new TempFolder();
        var errors = new List<ManifestException>();

        // When
        ManifestReader.Read(temp.Path, "x.yaml", errors);

        // Then
        var error = Assert.Single(errors);
        Assert.StartsWith("x.yaml: cannot read the manifest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workload_without_a_pod_template_is_an_error_at_its_line()
    {
        // Given
        var errors = new List<ManifestException>();

        // When
        ManifestReader.Parse("apiVersion: v1\nkind: Service\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\n", "j.yaml", errors);

        // Then
        var error = Assert.Single(errors);
        Assert.Equal("j.yaml: line 4: Job j (line 4) has no pod spec at spec.template.spec", error.Message);
    }
}
