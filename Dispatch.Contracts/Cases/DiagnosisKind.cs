namespace Dispatch.Contracts.Cases;

[GenerateSerializer, Alias("dispatch.DiagnosisKind")]
public enum DiagnosisKind
{
    SuspectedStemi = 0,
    ConfirmedStemi = 1,
    SuspectedStroke = 2,
    Other = 3,
}
