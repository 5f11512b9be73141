// Loads each installed platform package (CommonJS entry) and checks it extends the one installed SDK's base client.
const { BaseAnthropic } = require('@sdkgen/anthropic/core/base-client');

const out = {};
for (const [name, className] of JSON.parse(process.env.PLATFORMS)) {
  const mod = require(name);
  const cls = mod[className];
  out[name] = typeof cls === 'function' && mod.default === cls && cls.prototype instanceof BaseAnthropic;
}
console.log(JSON.stringify(out));
