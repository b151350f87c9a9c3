namespace Dispatch.Contracts.Ecg;

/// <summary>The twelve standard leads, in the order chunks carry them (index 0-11).</summary>
public enum EcgLead
{
    I = 0,
    II = 1,
    III = 2,
    AVR = 3,
    AVL = 4,
    AVF = 5,
    V1 = 6,
    V2 = 7,
    V3 = 8,
    V4 = 9,
    V5 = 10,
    V6 = 11,
}
