namespace Dispatch.Silo.Cluster;

/// <summary>
/// Configuration section "Dispatch:Cluster". Setting <see cref="Redis"/> is the one switch that
/// turns the embedded engine into a cluster member: Redis membership, grain state, reminders and ECG.
/// </summary>
public sealed class ClusterSettings
{
    public const string SectionName = "Dispatch:Cluster";

    /// <summary>A StackExchange.Redis connection string ("127.0.0.1:6379"); unset: the embedded default.</summary>
    public string? Redis { get; set; }

    /// <summary>Silos with the same cluster id form one cluster (a deployment; change it for a fresh cluster).</summary>
    public string ClusterId { get; set; } = "dispatch";

    /// <summary>Names the stored state (grain state, reminders, ECG keys); keep it across deployments.</summary>
    public string ServiceId { get; set; } = "dispatch";

    /// <summary>The address other silos and clients reach this silo on; loopback suits one machine.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    public bool Enabled => !string.IsNullOrWhiteSpace(Redis);
}
