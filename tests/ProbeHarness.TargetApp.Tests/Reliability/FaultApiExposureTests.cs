using System.Text.RegularExpressions;
using ProbeHarness.TargetApp.Configuration;

namespace ProbeHarness.TargetApp.Tests.Reliability;

/// <summary>
/// The fault API (which can crash, hang or leak the app) is off unless the harness's own manifest turns it on: not by
/// default, not in the image, not in the emulated backend's image map. With it off, /faults answers 404
/// (see <c>FaultApiAvailabilityTests</c>).
/// </summary>
public sealed partial class FaultApiExposureTests
{
    [Fact]
    public void Without_FAULTS_ENABLED_the_settings_have_the_fault_api_off()
    {
        // Given an environment that says nothing about faults
        var environment = new Dictionary<string, string?>();

        // When the settings are read
        var settings = TargetAppSettings.FromEnvironment(name => environment.GetValueOrDefault(name));

        // Then the fault API is off
        Assert.False(settings.FaultsEnabled);
    }

    [Fact]
    public void The_image_does_not_turn_the_fault_api_on()
    {
        // Given the target app's Dockerfile
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryRoot(), "target-app", "Dockerfile"));

        // When its ENV instructions are read
        var variables = EnvInstruction().Matches(dockerfile).Select(match => match.Groups[1].Value).ToList();

        // Then none of them is FAULTS_ENABLED: an image deployed without the harness's manifest has no fault API
        Assert.DoesNotContain(variables, line => line.Contains("FAULTS_ENABLED", StringComparison.Ordinal));
    }

    [Fact]
    public void The_emulated_image_map_does_not_turn_the_fault_api_on()
    {
        // Given the emulated backend's image map, whose env every emulated target-app container gets
        var map = File.ReadAllText(Path.Combine(RepositoryRoot(), "harness", "ProbeHarness.Emulated", "emulated-images.json"));

        // When it is searched for the variable
        var mentions = map.Contains("FAULTS_ENABLED", StringComparison.Ordinal);

        // Then it is not there: on the emulated backend too only the manifest turns the fault API on
        Assert.False(mentions);
    }

    [Fact]
    public void The_harness_manifest_is_what_turns_the_fault_api_on()
    {
        // Given the harness's manifest of the target app
        var manifest = File.ReadAllText(Path.Combine(RepositoryRoot(), "manifests", "target-app.yaml"));

        // When its FAULTS_ENABLED entries are read
        var values = ManifestVariable().Matches(manifest).Select(match => match.Groups[1].Value).ToList();

        // Then it sets the variable once, to "true"
        Assert.Equal(["true"], values);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harness.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"Harness.sln was not found above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"^\s*ENV\s+(.+)$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex EnvInstruction();

    [GeneratedRegex(@"-\s*name:\s*FAULTS_ENABLED\s*\n\s*value:\s*""?([^""\s]+)""?")]
    private static partial Regex ManifestVariable();
}
