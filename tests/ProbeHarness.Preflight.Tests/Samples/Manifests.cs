namespace ProbeHarness.Preflight.Tests.Samples;

/// <summary>Manifests for the rule tests: a Deployment whose one container (port 8080 "http") gets the given probe YAML.</summary>
public static class Manifests
{
    public const string Http = """
        httpGet:
          path: /healthz
          port: 8080
        """;

    /// <summary>A readiness probe on /ready, the default a rule test adds so that PH001 stays quiet.</summary>
    public const string Readiness = """
        readinessProbe:
          httpGet:
            path: /ready
            port: http
        """;

    /// <summary>A Deployment "web" whose container "app" has <paramref name="probes"/> (YAML at the container's level, unindented).</summary>
    public static string Deployment(string probes, string kind = "Deployment", string apiVersion = "apps/v1") => $"""
        apiVersion: {apiVersion}
        kind: {kind}
        metadata:
          name: web
        spec:
          selector:
            matchLabels: {"{"}app: web{"}"}
          template:
            metadata:
              labels: {"{"}app: web{"}"}
            spec:
              containers:
                - name: app
                  image: app:1
                  ports:
                    - name: http
                      containerPort: 8080
        {Indent(probes, 10)}
        """;

    /// <summary>Indents every line of <paramref name="yaml"/> by <paramref name="spaces"/>.</summary>
    public static string Indent(string yaml, int spaces) =>
        string.Join('\n', yaml.ReplaceLineEndings("\n").Split('\n').Select(line => line.Length == 0 ? line : new string(' ', spaces) + line));

    /// <summary>The findings of <paramref name="ruleId"/> in <paramref name="yaml"/> (asserting it is good input).</summary>
    public static IReadOnlyList<ProbeHarness.Preflight.Findings.Finding> FindingsOf(string ruleId, string yaml)
    {
        var result = PreflightRunner.RunText(yaml, "web.yaml");
        Assert.Empty(result.InputErrors);
        return result.Findings.Where(f => f.RuleId == ruleId).ToList();
    }

    /// <summary>The folder of the sample manifests copied next to the tests.</summary>
    public static string TestData(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);
}
