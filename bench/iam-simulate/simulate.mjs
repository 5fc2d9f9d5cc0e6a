// Decides the evaluator benchmark's scenario (written by `S3CrossAccount.Benchmarks --scenario <file>`) with
// @cloud-copilot/iam-simulate and prints its CPU time per decision, the way the .NET side prints its own.
// bench/run.sh installs the package into a scratch folder and runs this file from there; nothing is installed into
// the project. Usage: node simulate.mjs <scenario.json> [milliseconds]
import { readFileSync } from 'node:fs'
import { runSimulation } from '@cloud-copilot/iam-simulate'

const simulation = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const milliseconds = Number(process.argv[3] ?? 3000)

async function decide() {
  const response = await runSimulation(simulation, {})
  if (response.resultType !== 'single') {
    throw new Error('iam-simulate did not decide the scenario: ' + JSON.stringify(response.errors ?? response))
  }
  return response.overallResult
}

const first = await decide()
for (let i = 0; i < 50; i++) await decide()

const cpu0 = process.cpuUsage()
const start = performance.now()
let n = 0
while (performance.now() - start < milliseconds) {
  await decide()
  n++
}
const cpu = process.cpuUsage(cpu0)
const cpuSeconds = (cpu.user + cpu.system) / 1e6
console.log(`iam-simulate-decisions-per-cpu-second=${(n / cpuSeconds).toFixed(0)}`)
console.log(`iam-simulate-allowed=${first === 'Allowed'}`)
