// The signed-in user's token, kept for this browser tab only (sessionStorage), and its claims.
const key = "dispatch.token";

export function saveToken(token) {
  sessionStorage.setItem(key, token.trim());
}

export function signOut() {
  sessionStorage.removeItem(key);
  location.href = "./";
}

export function currentToken() {
  return sessionStorage.getItem(key);
}

// Reads the claims to choose what to show; the engine checks the signature on every call.
export function claimsOf(token) {
  const part = token.split(".")[1];
  if (!part) throw new Error("not a JWT");
  const json = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
  return JSON.parse(json);
}

// The page a role lands on after signing in.
export function homeFor(claims) {
  switch (claims.role) {
    case "hospital": return `hospital.html?h=${encodeURIComponent(claims.hospital ?? "")}`;
    case "ecg-reader": return "reader.html";
    default: return "region.html";
  }
}

// The token and claims, or back to the sign-in page.
export function requireSession() {
  const token = currentToken();
  if (!token) {
    location.href = "./";
    throw new Error("not signed in");
  }
  return { token, claims: claimsOf(token) };
}
