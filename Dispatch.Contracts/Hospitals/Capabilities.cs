namespace Dispatch.Contracts.Hospitals;

/// <summary>What a centre can do to open a vessel or image a brain.</summary>
[Flags]
[GenerateSerializer, Alias("dispatch.Capabilities")]
public enum Capabilities
{
    None = 0,
    /// <summary>Primary PCI: a cath lab with an interventional team.</summary>
    Pci = 1,
    /// <summary>IV thrombolysis (STEMI fibrinolysis or stroke alteplase/tenecteplase).</summary>
    Thrombolysis = 2,
    Ct = 4,
    /// <summary>Mechanical thrombectomy for large-vessel-occlusion stroke.</summary>
    Thrombectomy = 8,
    StrokeUnit = 16,
}
