using Docker.DotNet;

namespace ProbeHarness.Kubernetes.Images;

/// <summary>Keeps <c>docker save</c> archives by image id, so an unchanged image is not saved again.</summary>
public static class ImageArchiveCache
{
    /// <summary>Where archives are kept between runs.</summary>
    public static string Directory => Path.Combine(Path.GetTempPath(), "probe-harness", "images");

    /// <summary>Saves the plan's image by reference unless its archive exists; either way the archive is checked to name the reference.</summary>
    /// <returns>True when the archive was written now, false when the existing one was reused.</returns>
    /// <exception cref="InvalidDataException">The archive does not name the reference.</exception>
    public static async Task<bool> EnsureSavedAsync(DockerClient docker, ImageLoadPlan plan, CancellationToken cancellationToken)
    {
        if (File.Exists(plan.HostTarPath))
        {
            DockerArchive.EnsureNamed(plan.HostTarPath, plan.Reference);
            return false;
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(plan.HostTarPath)!);
        var partial = plan.HostTarPath + ".partial";
        try
        {
            // Saved by reference, not by id: only then does the archive carry the name ctr imports it under.
            await using (var source = await docker.Images.SaveImageAsync(plan.Reference, cancellationToken).ConfigureAwait(false))
            await using (var target = File.Create(partial))
            {
                await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
            }

            DockerArchive.EnsureNamed(partial, plan.Reference);
            File.Move(partial, plan.HostTarPath, overwrite: true);
            return true;
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
