// Sign-in: a pasted token, or (development engines only) a token minted for a chosen role.
import { saveToken, claimsOf, homeFor } from "./shared/session.js";
import { connect } from "./shared/api.js";

const $ = (id) => document.getElementById(id);

function enter(token) {
  const claims = claimsOf(token);
  saveToken(token);
  location.href = homeFor(claims);
}

$("paste").addEventListener("submit", (event) => {
  event.preventDefault();
  try {
    enter($("token").value);
  } catch (error) {
    $("paste-error").textContent = `That is not a token: ${error.message}`;
  }
});

async function mint(role, hospitalId) {
  const response = await fetch("dev-token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ role, hospitalId }),
  });
  if (!response.ok) throw new Error(await response.text());
  return (await response.json()).token;
}

// The hospital list needs a token of its own; a reader's is the narrowest that may list hospitals.
async function fillHospitals() {
  const { hospitals } = await connect(await mint("ecg-reader")).region.listHospitals({});
  $("hospital").replaceChildren(...hospitals.map((h) => new Option(`${h.name} (${h.id})`, h.id)));
}

async function offerDevelopment() {
  const probe = await fetch("dev-token", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{\"role\":\"?\"}" });
  if (probe.status === 404 || probe.status === 405) return;
  $("development").hidden = false;
  $("role").addEventListener("change", async () => {
    const isHospital = $("role").value === "hospital";
    $("hospital-choice").hidden = !isHospital;
    if (isHospital && $("hospital").options.length === 0) await fillHospitals();
  });
  $("development").addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const role = $("role").value;
      enter(await mint(role, role === "hospital" ? $("hospital").value : undefined));
    } catch (error) {
      $("development-error").textContent = error.message;
    }
  });
}

offerDevelopment();
