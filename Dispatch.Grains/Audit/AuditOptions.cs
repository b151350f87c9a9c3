namespace Dispatch.Grains.Audit;

/// <summary>Configuration section "Dispatch:Audit".</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Dispatch:Audit";

    /// <summary>Folder for the daily files audit-YYYY-MM-DD.jsonl; relative paths start at the working directory.</summary>
    public string Directory { get; set; } = "audit";

    /// <summary>Days a file is kept; older files are deleted at start and at each new day.</summary>
    public int RetentionDays { get; set; } = 400;
}
