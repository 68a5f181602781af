using ProbeHarness.Cluster.Manifests;
using ProbeHarness.Preflight.Input;
using ProbeHarness.Preflight.Tests.Samples;

namespace ProbeHarness.Preflight.Tests.Input;

public sealed class ManifestSourcesTests
{
    [Fact]
    public void A_folder_gives_its_yaml_and_yml_files_recursively_sorted_and_a_file_is_taken_as_is()
    {
        // Given
        using var temp = new TempFolder();
        temp.Write("b.yaml", "");
        temp.Write("sub/a.yml", "");
        temp.Write("notes.txt", "");
        var named = temp.Write("manifest.json", "");
        var errors = new List<ManifestException>();

        // When
        var files = ManifestSources.Expand([temp.Path, named, Path.Combine(temp.Path, "b.yaml")], temp.Path, errors);

        // Then
        Assert.Empty(errors);
        Assert.Equal(["b.yaml", "sub/a.yml", "manifest.json"], files.Select(f => ManifestSources.Display(f, temp.Path)));
    }

    [Fact]
    public void A_missing_path_or_a_folder_without_yaml_is_an_error_naming_it()
    {
        // Given
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "empty"));
        var errors = new List<ManifestException>();

        // When
        var files = ManifestSources.Expand(["nope.yaml", "empty"], temp.Path, errors);

        // Then
        Assert.Empty(files);
        Assert.Equal(["nope.yaml: no such file or folder", "empty: the folder holds no *.yaml or *.yml file"], errors.Select(e => e.Message));
    }

    [Fact]
    public void A_file_outside_the_base_folder_is_named_by_its_full_path()
    {
        // Given
        using var temp = new TempFolder();
        var outside = Path.GetFullPath(Path.Combine(temp.Path, "..", "elsewhere.yaml"));

        // When
        var display = ManifestSources.Display(outside, temp.Path);

        // Then
        Assert.Equal(outside, display);
    }
}
