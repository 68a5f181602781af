namespace ProbeHarness.Kubernetes.Tests.Support;

/// <summary>Temporary kubeconfig files for tests.</summary>
public static class KubeconfigFiles
{
    public static string Write(string server, string currentContext = "stub", params string[] contexts)
    {
        var names = contexts.Length == 0 ? [currentContext] : contexts;
        var path = Path.Combine(Path.GetTempPath(), $"ph-test-kubeconfig-{Guid.NewGuid():N}.yaml");
        var contextEntries = string.Join("\n", names.Select(name => $"""
            - context:
                cluster: stub
                user: stub
              name: {name}
            """));
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - cluster:
                server: {server}
              name: stub
            contexts:
            {contextEntries}
            current-context: {currentContext}
            users:
            - name: stub
              user:
                token: stub-token
            """);
        return path;
    }
}
