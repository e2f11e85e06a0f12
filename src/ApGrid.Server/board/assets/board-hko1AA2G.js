import"./modulepreload-polyfill-B5Qt9EMX.js";import{c as V}from"./client-wkOhMJXj.js";const I="apgrid.token";class T extends Error{constructor(t){super(t.map(s=>(s.extensions?.code?`${s.extensions.code}: `:"")+s.message).join("; ")),this.errors=t}errors;get forbidden(){return this.errors.some(t=>t.extensions?.code==="FORBIDDEN")}get unauthenticated(){return this.errors.some(t=>t.extensions?.code==="UNAUTHENTICATED")}}const y={get:()=>sessionStorage.getItem(I),set:e=>sessionStorage.setItem(I,e),clear:()=>sessionStorage.removeItem(I)};async function h(e,t,s=y.get()){const l=await fetch("/graphql",{method:"POST",headers:{"content-type":"application/json",accept:"application/graphql-response+json",...s?{authorization:`Bearer ${s}`}:{}},body:JSON.stringify({query:e,variables:t})});let r;try{r=await l.json()}catch{throw new T([{message:`HTTP ${l.status} ${l.statusText}`}])}if(l.status===401)throw new T(r.errors??[{message:"Not signed in",extensions:{code:"UNAUTHENTICATED"}}]);if(r.errors?.length)throw new T(r.errors);return r.data}let w=null,D=null;function K(){const e=y.get();if(w&&D===e)return w;w?.dispose(),D=e;const t=`${location.protocol==="https:"?"wss":"ws"}://${location.host}/graphql`;return w=V({url:t,connectionParams:{token:e},retryAttempts:1/0,lazy:!0}),w}function z(){w?.dispose(),w=null,D=null}function U(e,t,s,l){return K().subscribe({query:e,variables:l},{next:r=>{r.errors?.length?s(new T(r.errors)):t(r.data)},error:r=>s(Array.isArray(r)?new T(r):r),complete:()=>{}})}function c(e){return String(e??"").replace(/[&<>"']/g,t=>({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"})[t])}function b(e){const t=e instanceof Error?e.message:String(e);return`<div class="govuk-error-summary" data-module="govuk-error-summary" role="alert" data-testid="api-error">
    <div role="alert"><h2 class="govuk-error-summary__title">The API refused or failed</h2>
    <div class="govuk-error-summary__body"><p class="govuk-body">${c(t)}</p></div></div></div>`}function J(e,t,s=!1){return`<div class="govuk-notification-banner${s?" govuk-notification-banner--success":""}" role="${s?"alert":"region"}"
    aria-labelledby="banner-title" data-module="govuk-notification-banner">
    <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="banner-title">${c(e)}</h2></div>
    <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${c(t)}</p></div></div>`}function v(e,t){return`<strong class="govuk-tag${t?` govuk-tag--${t}`:""}">${c(e)}</strong>`}const S=e=>e.charAt(0)+e.slice(1).toLowerCase().replace(/_/g," ");function g(e){return e?new Date(e.length===10?`${e}T00:00:00Z`:e).toLocaleDateString("en-GB",{day:"numeric",month:"short",year:"numeric",timeZone:"UTC"}):""}const O=["MON_AM","MON_PM","TUE_AM","TUE_PM","WED_AM","WED_PM","THU_AM","THU_PM","FRI_AM","FRI_PM"],Z=["EYFS","KS1","KS2","KS3","KS4"],Q=["SEMH","ASD","SLCN","MLD","SPLD","SLD","PMLD","HI","VI","MSI","PD","DS","OTH","NSA"],R="urn name type registered keyStages specialisms fullTimePlaces fullTimePlacesFree outreachHoursPerWeek sessions { session places free }",X={id:"capacity",title:"Capacity",roles:["LA_OFFICER","SCHOOL_STAFF","AP_STAFF","SPECIAL_SCHOOL_STAFF","PARTNER"],mount(e,t){const s=t.role==="AP_STAFF"?t.urn:null;e.innerHTML=`
      <h1 class="govuk-heading-l">AP capacity</h1>
      <p class="govuk-body">Every AP setting's full-time places and the ten half-day sessions: <strong>free</strong> of places offered. Updated live.</p>
      <div data-region="message"></div>
      <form class="govuk-form-group" data-region="filters" novalidate>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-quarter govuk-form-group">
            <label class="govuk-label" for="filter-ks">Key stage</label>
            <select class="govuk-select" id="filter-ks" name="ks"><option value="">Any</option>${Z.map(u=>`<option>${u}</option>`).join("")}</select>
          </div>
          <div class="govuk-grid-column-one-quarter govuk-form-group">
            <label class="govuk-label" for="filter-need">Need</label>
            <select class="govuk-select" id="filter-need" name="need"><option value="">Any</option>${Q.map(u=>`<option>${u}</option>`).join("")}</select>
          </div>
          <div class="govuk-grid-column-one-half govuk-form-group">
            <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
              <div class="govuk-checkboxes__item">
                <input class="govuk-checkboxes__input" id="filter-registered" name="registered" type="checkbox">
                <label class="govuk-label govuk-checkboxes__label" for="filter-registered">Registered settings only</label>
              </div>
            </div>
          </div>
        </div>
      </form>
      <div data-region="own"></div>
      <div class="app-table-wrap" data-region="table"><p class="govuk-body">Loading…</p></div>`;const l=e.querySelector("[data-region=table]"),r=e.querySelector("[data-region=message]"),o=e.querySelector("[data-region=own]"),i=e.querySelector("[data-region=filters]");let a=[],n=!1;const d=()=>{const u=i.elements.namedItem("ks").value,k=i.elements.namedItem("need").value,f=i.elements.namedItem("registered").checked,E=a.filter(P=>(!u||P.keyStages.includes(u))&&(!k||P.specialisms.includes(k))&&(!f||P.registered));l.innerHTML=ee(E,a.length,s),l.dataset.loaded=String(Date.now())},_=async()=>{try{const u=await h(`{ localAuthority { apSettings { ${R} } } }`);if(n)return;a=u.localAuthority.apSettings,d(),window.apgridFirstRender===void 0&&(window.apgridFirstRender=performance.now()),s&&te(o,a.find(k=>k.urn===s),r,t)}catch(u){l.innerHTML=b(u)}};i.addEventListener("change",d);const p=U(`subscription { capacityChanged { ${R} } }`,u=>{const k=u.capacityChanged,f=a.findIndex(E=>E.urn===k.urn);f>=0?a[f]=k:a.push(k),d()},u=>{r.innerHTML=b(u)});return _(),()=>{n=!0,p()}}};function ee(e,t,s){const l=O.map(o=>`<th scope="col" class="govuk-table__header govuk-table__header--numeric">${o.replace("_"," ")}</th>`).join(""),r=e.map(o=>{const i=O.map(a=>{const n=o.sessions.find(u=>u.session===a),d=n?.places??0,_=n?.free??0;return`<td class="govuk-table__cell govuk-table__cell--numeric app-num ${d===0?"app-cell--none":_===0?"app-cell--full":"app-cell--free"}" data-urn="${c(o.urn)}" data-session="${a}"
        data-free="${_}" data-places="${d}">${d===0?"–":`${_}<span class="govuk-visually-hidden"> free</span> / ${d}`}</td>`}).join("");return`<tr class="govuk-table__row" data-urn="${c(o.urn)}">
      <th scope="row" class="govuk-table__header">${c(o.name)}${o.urn===s?" "+v("Yours","blue"):""}<br>
        <span class="govuk-body-s">${c(S(o.type))} · ${o.keyStages.join(", ")} · ${o.specialisms.join(", ")}</span></th>
      <td class="govuk-table__cell">${o.registered?v("Registered","green"):v("Unregistered","orange")}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric app-num" data-urn="${c(o.urn)}" data-session="FULL_TIME" data-free="${o.fullTimePlacesFree}">${o.fullTimePlacesFree} / ${o.fullTimePlaces}</td>
      ${i}</tr>`}).join("");return`<table class="govuk-table govuk-table--small-text-until-tablet" data-testid="capacity-table">
    <caption class="govuk-table__caption govuk-table__caption--m">${e.length} of ${t} settings (free / places)</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Setting</th>
    <th scope="col" class="govuk-table__header">Registration</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Full time</th>${l}</tr></thead>
    <tbody class="govuk-table__body">${r}</tbody></table>`}function te(e,t,s,l){if(!t){e.innerHTML=b(`Your setting ${l.urn} is not in this LA's list.`);return}if(e.querySelector("form"))return;const r=(i,a,n,d="1")=>`
    <div class="govuk-form-group"><label class="govuk-label" for="own-${i}">${a}</label>
    <input class="govuk-input govuk-input--width-3" id="own-${i}" name="${i}" type="number" min="0" step="${d}" inputmode="numeric" value="${n}"></div>`;e.innerHTML=`
    <form class="app-availability" data-testid="availability-form" novalidate>
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m"><h2 class="govuk-fieldset__heading">Your availability: ${c(t.name)}</h2></legend>
        <div class="app-availability__grid">
          ${r("fullTimePlaces","Full-time places",t.fullTimePlaces)}
          ${O.map(i=>r(i,i.replace("_"," ")+" places",t.sessions.find(a=>a.session===i)?.places??0)).join("")}
          ${r("outreachHoursPerWeek","Outreach hours a week",t.outreachHoursPerWeek,"0.5")}
        </div>
      </fieldset>
      <button type="submit" class="govuk-button" data-module="govuk-button">Save availability</button>
    </form>`;const o=e.querySelector("form");o.addEventListener("submit",async i=>{i.preventDefault();const a=n=>Number(o.elements.namedItem(n).value);try{await h("mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { urn updatedAt } }",{input:{urn:t.urn,fullTimePlaces:a("fullTimePlaces"),outreachHoursPerWeek:a("outreachHoursPerWeek"),sessions:O.map(n=>({session:n,places:a(n)})).filter(n=>n.places>0)}}),s.innerHTML=J("Saved","Your availability is saved; every board shows it now.",!0)}catch(n){s.innerHTML=b(n)}})}function F(e,t){let s=!1,l=!1,r=!1;const o=async()=>{if(l){r=!0;return}l=!0;try{do{r=!1;let a;try{a=await t.load()}catch(n){a=b(n)}if(s)return;e.innerHTML=a,t.after?.(e),e.dataset.loaded=String(Date.now())}while(r&&!s)}finally{l=!1}},i=t.subscriptions.map(a=>U(a.query,()=>{o()},n=>{s||e.insertAdjacentHTML("afterbegin",b(n))},a.variables));return o(),()=>{s=!0,i.forEach(a=>a())}}const ae=e=>e.role==="LA_OFFICER",L=(e,t)=>({query:`subscription { changes(kinds: [${(ae(e)?t:["CAPACITY"]).join(", ")}]) { cursor kind } }`}),H=`id status startDate plannedEndDate endDate fullTime sessions nextReviewDue reviewOverdue outcome checkInDue
  pupil { initials yearGroup homeSchool { name } } setting { name }`;async function se(e){return e.role==="AP_STAFF"?(await h(`query($urn: String!) { apSetting(urn: $urn) { placements { ${H} } } }`,{urn:e.urn})).apSetting?.placements??[]:e.role==="SCHOOL_STAFF"?(await h(`query($urn: String!) { school(urn: $urn) { pupils { placements { ${H} } } } }`,{urn:e.urn})).school?.pupils.flatMap(l=>l.placements)??[]:(await h(`{ localAuthority { apSettings { placements { ${H} } } } }`)).localAuthority.apSettings.flatMap(s=>s.placements)}const oe={id:"placements",title:"Placements",roles:["LA_OFFICER","SCHOOL_STAFF","AP_STAFF"],mount(e,t){return F(e,{subscriptions:[L(t,["PLACEMENT"])],load:async()=>{const s=await se(t),l=s.filter(n=>n.status==="ACTIVE").sort((n,d)=>Number(d.reviewOverdue)-Number(n.reviewOverdue)||(n.nextReviewDue??"").localeCompare(d.nextReviewDue??"")),r=s.filter(n=>n.status==="ENDED").sort((n,d)=>(d.endDate??"").localeCompare(n.endDate??"")),o=l.filter(n=>n.reviewOverdue).length,i=l.map(n=>`<tr class="govuk-table__row" data-placement="${c(n.id)}">
          <th scope="row" class="govuk-table__header">${c(n.pupil.initials)} <span class="govuk-body-s">Y${n.pupil.yearGroup}</span></th>
          <td class="govuk-table__cell">${c(n.setting.name)}</td>
          <td class="govuk-table__cell">${c(n.pupil.homeSchool.name)}</td>
          <td class="govuk-table__cell">${n.fullTime?"Full time":c(n.sessions.map(d=>d.replace("_"," ")).join(", "))}</td>
          <td class="govuk-table__cell app-num">${g(n.startDate)} – ${g(n.plannedEndDate)}</td>
          <td class="govuk-table__cell app-num">${g(n.nextReviewDue)} ${n.reviewOverdue?v("Overdue","red"):v("Due","blue")}</td></tr>`).join(""),a=r.map(n=>`<tr class="govuk-table__row">
          <th scope="row" class="govuk-table__header">${c(n.pupil.initials)}</th>
          <td class="govuk-table__cell">${c(n.setting.name)}</td>
          <td class="govuk-table__cell app-num">${g(n.endDate)}</td>
          <td class="govuk-table__cell">${n.outcome?v(S(n.outcome),n.outcome==="RETURNED_TO_MAINSTREAM"?"green":"grey"):""}</td>
          <td class="govuk-table__cell app-num">${n.checkInDue?g(n.checkInDue):"–"}</td></tr>`).join("");return`<h1 class="govuk-heading-l">Placements</h1>
          <p class="govuk-body" data-testid="placement-count">${l.length} active placements, ${o} with a review overdue.</p>
          <div class="app-table-wrap"><table class="govuk-table" data-testid="placements-table">
            <caption class="govuk-table__caption govuk-table__caption--m">Active placements, overdue reviews first</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Pupil</th><th scope="col" class="govuk-table__header">AP setting</th>
              <th scope="col" class="govuk-table__header">Home school</th><th scope="col" class="govuk-table__header">Sessions</th>
              <th scope="col" class="govuk-table__header">Dates</th><th scope="col" class="govuk-table__header">Next review</th></tr></thead>
            <tbody class="govuk-table__body">${i}</tbody></table></div>
          <div class="app-table-wrap"><table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m">Ended placements: outcomes and reintegration check-ins</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Pupil</th><th scope="col" class="govuk-table__header">AP setting</th>
              <th scope="col" class="govuk-table__header">Ended</th><th scope="col" class="govuk-table__header">Outcome</th>
              <th scope="col" class="govuk-table__header">Check-in due</th></tr></thead>
            <tbody class="govuk-table__body">${a||'<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="5">None you may see.</td></tr>'}</tbody></table></div>`}})}},le=["REQUESTED","ASSESSING","DRAFT_ISSUED","FINAL_ISSUED","NOT_ASSESSED","NOT_ISSUED"];function ne(e,t){const l=Math.min(e,26)*6;return`<svg class="app-meter" width="156" height="16" role="img" aria-label="${e} weeks of 20">
    <rect x="0" y="3" width="156" height="10" fill="#f3f2f1"/>
    <rect x="0" y="3" width="${l}" height="10" fill="${t?"#d4351c":"#1d70b8"}"/>
    <line x1="36" x2="36" y1="0" y2="16" stroke="#0b0c0c"/>
    <line x1="120" x2="120" y1="0" y2="16" stroke="#0b0c0c" stroke-width="2"/></svg>`}const ie={id:"ehcp",title:"EHC tracker",roles:["LA_OFFICER","SCHOOL_STAFF"],mount(e,t){return F(e,{subscriptions:[L(t,["EHCP"])],load:async()=>{const l=[...(await h("{ ehcpCases { requestedOn stage decisionDue finalDue decisionOn finalIssuedOn overdue weeksElapsed pupil { initials homeSchool { name } } } }")).ehcpCases].sort((i,a)=>Number(a.overdue)-Number(i.overdue)||a.weeksElapsed-i.weeksElapsed),r=le.map(i=>`<li>${v(S(i),"grey")} <span class="app-num">${l.filter(a=>a.stage===i).length}</span></li>`).join(" "),o=l.map(i=>`<tr class="govuk-table__row">
          <th scope="row" class="govuk-table__header">${c(i.pupil.initials)}</th>
          <td class="govuk-table__cell">${c(i.pupil.homeSchool.name)}</td>
          <td class="govuk-table__cell">${v(S(i.stage),i.stage==="FINAL_ISSUED"?"green":"blue")} ${i.overdue?v("Overdue","red"):""}</td>
          <td class="govuk-table__cell app-num">${g(i.requestedOn)}</td>
          <td class="govuk-table__cell app-num">${i.decisionOn?`decided ${g(i.decisionOn)}`:`due ${g(i.decisionDue)}`}</td>
          <td class="govuk-table__cell app-num">${i.finalIssuedOn?`issued ${g(i.finalIssuedOn)}`:`due ${g(i.finalDue)}`}</td>
          <td class="govuk-table__cell app-num">${i.weeksElapsed} ${ne(i.weeksElapsed,i.overdue)}</td></tr>`).join("");return`<h1 class="govuk-heading-l">EHC needs assessments</h1>
          <p class="govuk-body">Decision due 6 weeks after the request, final plan 20 weeks after. Overdue cases first. The bar's marks are at 6 and 20 weeks.</p>
          <ul class="govuk-list govuk-list--inline" aria-label="Cases by stage">${r}</ul>
          <div class="app-table-wrap"><table class="govuk-table" data-testid="ehcp-table">
            <caption class="govuk-table__caption govuk-table__caption--m">${l.length} cases, ${l.filter(i=>i.overdue).length} overdue</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Pupil</th><th scope="col" class="govuk-table__header">School</th>
              <th scope="col" class="govuk-table__header">Stage</th><th scope="col" class="govuk-table__header">Requested</th>
              <th scope="col" class="govuk-table__header">6 weeks: decision</th><th scope="col" class="govuk-table__header">20 weeks: final plan</th>
              <th scope="col" class="govuk-table__header">Weeks elapsed</th></tr></thead>
            <tbody class="govuk-table__body">${o||'<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="7">No cases you may see.</td></tr>'}</tbody></table></div>`}})}},G="id position status daysWaiting waitingInAp addedOn offeredOn offerReason pupil { initials yearGroup }",x=`urn name places placesFree waitingList { ${G} }`;async function re(e){if(e.role==="SPECIAL_SCHOOL_STAFF"){const s=await h(`query($urn: String!) { specialSchool(urn: $urn) { ${x} } }`,{urn:e.urn});return s.specialSchool?[s.specialSchool]:[]}if(e.role==="SCHOOL_STAFF"){const s=await h(`query($urn: String!) { school(urn: $urn) { pupils { waitingListEntries { ${G} specialSchool { urn name places placesFree } } } } }`,{urn:e.urn}),l=new Map;for(const r of s.school?.pupils.flatMap(o=>o.waitingListEntries)??[]){const o=l.get(r.specialSchool.urn)??{...r.specialSchool,waitingList:[]};o.waitingList.push(r),l.set(o.urn,o)}return[...l.values()]}return(await h(`{ localAuthority { specialSchools { ${x} } } }`)).localAuthority.specialSchools}const ce={id:"waiting",title:"Waiting lists",roles:["LA_OFFICER","SCHOOL_STAFF","SPECIAL_SCHOOL_STAFF"],mount(e,t){return F(e,{subscriptions:[{query:"subscription { waitingListChanged { id status position } }"}],load:async()=>{const s=await re(t),l=s.flatMap(o=>o.waitingList),r=s.map(o=>{const i=[...o.waitingList].sort((a,n)=>(a.position??999)-(n.position??999)).map(a=>`<tr class="govuk-table__row">
            <td class="govuk-table__cell govuk-table__cell--numeric app-num">${a.position??"–"}</td>
            <th scope="row" class="govuk-table__header">${c(a.pupil.initials)} <span class="govuk-body-s">Y${a.pupil.yearGroup}</span></th>
            <td class="govuk-table__cell app-num">${g(a.addedOn)}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric app-num">${a.daysWaiting}</td>
            <td class="govuk-table__cell">${a.waitingInAp?v("In AP","orange"):"No"}</td>
            <td class="govuk-table__cell">${a.status==="OFFERED"?`${v("Offered","green")} ${g(a.offeredOn)}${a.offerReason?` (out of turn: ${c(a.offerReason)})`:""}`:v(S(a.status),"grey")}</td></tr>`).join("");return`<div class="app-table-wrap"><table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m">${c(o.name)}: ${o.placesFree} of ${o.places} places free, ${o.waitingList.length} on the list</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">Position</th><th scope="col" class="govuk-table__header">Pupil</th>
              <th scope="col" class="govuk-table__header">Added</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Days waiting</th>
              <th scope="col" class="govuk-table__header">Waiting in AP</th><th scope="col" class="govuk-table__header">Status</th></tr></thead>
            <tbody class="govuk-table__body">${i||'<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="6">Nobody waiting.</td></tr>'}</tbody></table></div>`}).join("");return`<h1 class="govuk-heading-l">Special-school waiting lists</h1>
          <p class="govuk-body" data-testid="waiting-summary">${l.length} open entries, ${l.filter(o=>o.waitingInAp).length} waiting in AP, ${l.filter(o=>o.status==="OFFERED").length} offers outstanding.</p>
          ${r||'<p class="govuk-body">No waiting lists you may see.</p>'}`}})}};function q(e,t,s){const r=t>0?Math.min(e/t,1):0;return`<svg class="app-meter" width="300" height="20" role="img" aria-label="${c(s)}">
    <rect width="300" height="20" fill="#f3f2f1"/><rect width="${Math.round(r*300)}" height="20" fill="#00703c"/></svg>`}const ue={id:"outreach",title:"Outreach",roles:["LA_OFFICER","SCHOOL_STAFF","AP_STAFF"],mount(e,t){return F(e,{subscriptions:[L(t,["OUTREACH","CAPACITY"])],load:async()=>{const{outreach:s}=await h(`{ outreach {
          open { id school { name } reason suspensionsThisTerm hoursRequested requestedOn }
          allocated { request { id school { name } reason suspensionsThisTerm hoursRequested requestedOn } setting { urn name outreachHoursPerWeek outreachHoursFree } hoursPerWeek startsOn }
          hoursAvailable hoursAllocated } }`),r=[...new Map(s.allocated.map(a=>[a.setting.urn,a.setting])).values()].map(a=>{const n=a.outreachHoursPerWeek-a.outreachHoursFree;return`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${c(a.name)}</th>
            <td class="govuk-table__cell app-num">${n} of ${a.outreachHoursPerWeek} h</td>
            <td class="govuk-table__cell">${q(n,a.outreachHoursPerWeek,`${n} of ${a.outreachHoursPerWeek} hours used`)}</td></tr>`}).join(""),o=s.open.map(a=>`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${c(a.school.name)}</th>
          <td class="govuk-table__cell">${c(a.reason)}</td><td class="govuk-table__cell govuk-table__cell--numeric">${a.suspensionsThisTerm}</td>
          <td class="govuk-table__cell govuk-table__cell--numeric app-num">${a.hoursRequested}</td><td class="govuk-table__cell app-num">${g(a.requestedOn)}</td></tr>`).join(""),i=s.allocated.map(a=>`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${c(a.request.school.name)}</th>
          <td class="govuk-table__cell">${c(a.setting.name)}</td><td class="govuk-table__cell govuk-table__cell--numeric app-num">${a.hoursPerWeek}</td>
          <td class="govuk-table__cell app-num">${g(a.startsOn)}</td></tr>`).join("");return`<h1 class="govuk-heading-l">Outreach</h1>
          <p class="govuk-body" data-testid="outreach-summary">${s.hoursAllocated} of ${s.hoursAvailable} hours a week allocated ${q(s.hoursAllocated,s.hoursAvailable,`${s.hoursAllocated} of ${s.hoursAvailable} hours allocated`)}</p>
          <div class="app-table-wrap"><table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">Open requests ${v(String(s.open.length),"blue")}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">School</th><th scope="col" class="govuk-table__header">Reason</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Suspensions this term</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Hours</th>
            <th scope="col" class="govuk-table__header">Requested</th></tr></thead>
            <tbody class="govuk-table__body">${o||'<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="5">None open.</td></tr>'}</tbody></table></div>
          <div class="app-table-wrap"><table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">Allocations</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">School</th><th scope="col" class="govuk-table__header">AP setting</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Hours a week</th><th scope="col" class="govuk-table__header">Starts</th></tr></thead>
            <tbody class="govuk-table__body">${i||'<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="4">None.</td></tr>'}</tbody></table></div>
          <div class="app-table-wrap"><table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">Hours used against hours available, by setting</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">AP setting</th><th scope="col" class="govuk-table__header">Used</th>
            <th scope="col" class="govuk-table__header">Share</th></tr></thead>
            <tbody class="govuk-table__body">${r||'<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="3">No allocations.</td></tr>'}</tbody></table></div>`}})}},A=(e,t="")=>e===null?"suppressed":`${Math.round(e*10)/10}${t}`;function de(e){const r=Math.max(1,...e.map(a=>a.count??0)),o=580/Math.max(1,e.length),i=e.map((a,n)=>{const d=(a.count??0)/r*180,_=30+n*o+4,p=210-d;return`<rect x="${_}" y="${p}" width="${o-8}" height="${d}" fill="#1d70b8"><title>Age ${c(a.key)}: ${a.count??"suppressed"}</title></rect>
      <text x="${_+(o-8)/2}" y="${p-4}" text-anchor="middle" font-size="12" fill="#0b0c0c">${a.count??"*"}</text>
      <text x="${_+(o-8)/2}" y="226" text-anchor="middle" font-size="12" fill="#0b0c0c">${c(a.key)}</text>`}).join("");return`<svg class="app-chart" viewBox="0 0 640 240" width="640" height="240" role="img"
    aria-label="Pupils in AP by age: ${e.map(a=>`${c(a.key)}: ${a.count??"suppressed"}`).join(", ")}">
    <line x1="30" x2="610" y1="210" y2="210" stroke="#0b0c0c"/>${i}</svg>`}function pe(e){const t=[...new Set(e.flatMap(l=>l.lastYearGroupShares.map(r=>r.yearGroup)))].sort((l,r)=>l-r),s=e.map(l=>`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">Year ${l.firstYearGroup} <span class="govuk-body-s">(${l.pupils??"*"})</span></th>${t.map(r=>{const o=l.lastYearGroupShares.find(a=>a.yearGroup===r)?.percent??null,i=o===null?0:Math.min(1,o/100);return`<td class="govuk-table__cell app-heat__cell" style="background: rgba(29,112,184,${i.toFixed(2)}); color: ${i>.45?"#fff":"#0b0c0c"}">${o===null?"":`${Math.round(o)}%`}</td>`}).join("")}</tr>`).join("");return`<div class="app-table-wrap"><table class="govuk-table app-heat" data-testid="heatmap">
    <caption class="govuk-table__caption govuk-table__caption--m">Length of stay: year group on entering AP (rows) and the last year group in AP (columns), share of pupils</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">First year</th>${t.map(l=>`<th scope="col" class="govuk-table__header">Y${l}</th>`).join("")}</tr></thead>
    <tbody class="govuk-table__body">${s}</tbody></table></div>`}const ge={id:"report",title:"Report",roles:["LA_OFFICER","SCHOOL_STAFF","AP_STAFF","SPECIAL_SCHOOL_STAFF","PARTNER"],mount(e,t){return F(e,{subscriptions:[L(t,["PLACEMENT","EHCP","WAITING_LIST","OUTREACH"])],load:async()=>{const{report:s}=await h(`{ report { asOf pupilsInApByAge { key count }
          lengthOfStay { firstYearGroup pupils lastYearGroupShares { yearGroup percent } }
          ehcpIssuedWithin20WeeksPercent ehcpFinalIssued specialSchoolWaitMedianDays specialSchoolWaitP90Days pupilsWaitingInAp outreachHoursAllocated } }`),l=(r,o,i)=>`<div class="app-figure" data-testid="${i}"><span class="app-figure__value">${c(o)}</span><span class="govuk-body-s">${c(r)}</span></div>`;return`<h1 class="govuk-heading-l">Report</h1>
          <p class="govuk-body">As of ${g(s.asOf)}.${t.role==="LA_OFFICER"?"":' Counts from 1 to 4 are suppressed for your role (shown as * or "suppressed").'}</p>
          <div class="app-figures">
            ${l("EHC plans issued within 20 weeks",A(s.ehcpIssuedWithin20WeeksPercent,"%"),"ehcp-rate")}
            ${l("final plans issued",A(s.ehcpFinalIssued),"ehcp-final")}
            ${l("special-school wait, median",A(s.specialSchoolWaitMedianDays," days"),"wait-median")}
            ${l("special-school wait, 90th percentile",A(s.specialSchoolWaitP90Days," days"),"wait-p90")}
            ${l("pupils waiting in AP",A(s.pupilsWaitingInAp),"waiting-in-ap")}
            ${l("outreach hours a week allocated",A(s.outreachHoursAllocated),"outreach-hours")}
          </div>
          <h2 class="govuk-heading-m">Pupils in AP by age</h2>
          ${de(s.pupilsInApByAge)}
          ${pe(s.lengthOfStay)}`}})}};document.body.classList.add("js-enabled","govuk-frontend-supported");const he=[X,oe,ie,ce,ue,ge],ve=["LA_OFFICER","SCHOOL_STAFF","AP_STAFF","SPECIAL_SCHOOL_STAFF","PARTNER"],m=document.getElementById("app"),M=document.getElementById("service-navigation");let C=null,$=null;async function _e(){const e=new URLSearchParams(location.hash.slice(1)).get("token");if(e&&(y.set(e),history.replaceState(null,"",location.pathname+"#capacity")),!y.get())return j();try{$=(await h("{ viewer { tenant role urn } }")).viewer}catch(t){if(t instanceof T&&t.unauthenticated)return y.clear(),j("Your sign-in has expired or was refused. Sign in again.");m.innerHTML=b(t);return}B(),window.addEventListener("hashchange",N),N()}function Y(){return he.filter(e=>$&&e.roles.includes($.role))}function B(){const e=location.hash.slice(1)||"capacity";M.innerHTML=`<section class="govuk-service-navigation" aria-label="Service information" data-module="govuk-service-navigation">
    <div class="govuk-width-container"><div class="govuk-service-navigation__container">
      <span class="govuk-service-navigation__service-name"><span class="govuk-service-navigation__text">Live board</span></span>
      <nav aria-label="Views" class="govuk-service-navigation__wrapper">
        <ul class="govuk-service-navigation__list" id="navigation">
          ${Y().map(t=>`<li class="govuk-service-navigation__item${t.id===e?" govuk-service-navigation__item--active":""}">
            <a class="govuk-service-navigation__link" href="#${t.id}" data-view="${t.id}"${t.id===e?' aria-current="page"':""}>${t.id===e?`<strong class="govuk-service-navigation__active-fallback">${c(t.title)}</strong>`:c(t.title)}</a></li>`).join("")}
        </ul>
      </nav>
    </div></div></section>
    <div class="govuk-width-container"><p class="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0" data-testid="signed-in-as">
      Signed in to LA ${c($.tenant)} as ${c(S($.role))}${$.urn?` for ${c($.urn)}`:""}.
      <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2" data-action="sign-out">Sign out</button></p></div>`,M.querySelector("[data-action=sign-out]").addEventListener("click",()=>{y.clear(),z(),location.hash="",location.reload()})}function N(){const e=location.hash.slice(1)||"capacity",t=Y().find(s=>s.id===e);if(C?.(),C=null,B(),!t){m.innerHTML='<h1 class="govuk-heading-l">Not available</h1><p class="govuk-body">Your role cannot use this view.</p>';return}document.title=`${t.title} – ApGrid live board`,m.dataset.view=t.id,C=t.mount(m,$)}async function j(e){M.innerHTML="";let t={devSignIn:!1,tenants:[],signInUrl:null};try{t=await(await fetch("/board/config.json")).json()}catch{}const s=`
    <form data-region="paste" novalidate>
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--m" for="token">Bearer token</label>
        <div class="govuk-hint" id="token-hint">The token your LA's identity provider issued for ApGrid. It is kept in this browser tab only.</div>
        <textarea class="govuk-textarea" id="token" name="token" rows="4" aria-describedby="token-hint" spellcheck="false"></textarea>
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">Use this token</button>
    </form>`,l=`
    <form data-region="dev" novalidate>
      <h2 class="govuk-heading-m">Development sign-in</h2>
      <div class="govuk-form-group">
        <label class="govuk-label" for="dev-tenant">Local authority</label>
        <select class="govuk-select" id="dev-tenant" name="tenant">${t.tenants.map(p=>`<option value="${c(p)}">${c(p)}</option>`).join("")}</select>
      </div>
      <div class="govuk-form-group">
        <label class="govuk-label" for="dev-role">Role</label>
        <select class="govuk-select" id="dev-role" name="role">${ve.map(p=>`<option value="${p}">${S(p)}</option>`).join("")}</select>
      </div>
      <div class="govuk-form-group" data-region="setting" hidden>
        <label class="govuk-label" for="dev-urn">Setting</label>
        <select class="govuk-select" id="dev-urn" name="urn"></select>
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">Sign in</button>
    </form>`;m.innerHTML=`<h1 class="govuk-heading-l">Sign in</h1>
    <div data-region="message">${e?b(e):""}</div>
    ${t.signInUrl?`<p class="govuk-body"><a class="govuk-link" href="${c(t.signInUrl)}">Sign in with your LA account</a></p>`:""}
    ${t.devSignIn?l+'<h2 class="govuk-heading-m">Or paste a token</h2>':""}${s}`;const r=m.querySelector("[data-region=message]");m.querySelector("[data-region=paste]").addEventListener("submit",p=>{p.preventDefault();const u=m.querySelector("#token").value.trim().replace(/^Bearer\s+/i,"");if(!u){r.innerHTML=b("Paste a token first.");return}y.set(u),location.reload()});const o=m.querySelector("[data-region=dev]");if(!o)return;const i=o.querySelector("#dev-tenant"),a=o.querySelector("#dev-role"),n=o.querySelector("#dev-urn"),d=o.querySelector("[data-region=setting]"),_=async()=>{const p={SCHOOL_STAFF:"schools",AP_STAFF:"apSettings",SPECIAL_SCHOOL_STAFF:"specialSchools"}[a.value];if(d.hidden=!p,!p){n.innerHTML="";return}try{const u=await W(i.value,"LA_OFFICER",null),k=await h(`{ localAuthority { ${p} { urn name } } }`,void 0,u);n.innerHTML=k.localAuthority[p].map(f=>`<option value="${c(f.urn)}">${c(f.name)} (${c(f.urn)})</option>`).join("")}catch(u){r.innerHTML=b(u)}};i.addEventListener("change",()=>{_()}),a.addEventListener("change",()=>{_()}),o.addEventListener("submit",async p=>{p.preventDefault();try{y.set(await W(i.value,a.value,d.hidden?null:n.value)),location.hash="capacity",location.reload()}catch(u){r.innerHTML=b(u)}})}async function W(e,t,s){const l=await fetch("/dev/token",{method:"POST",headers:{"content-type":"application/json"},body:JSON.stringify({tenant:e,role:t,urn:s})});if(!l.ok)throw new Error(`/dev/token answered ${l.status}`);return(await l.json()).token}_e();
