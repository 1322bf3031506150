(function(){
  'use strict';
  // The findings are in the JSON block #f-data (see HtmlFindings): rows are built when a group is opened or a filter
  // applied, a page at a time, so a report of tens of thousands of findings opens and filters at once.
  var PAGE=200;
  function $(id){return document.getElementById(id);}
  // Parsed when first needed (a filter, a group opened): the static counts are right until then.
  var S,R,F;
  function load(){
    if(F)return;
    var data=JSON.parse($('f-data').textContent);S=data.severities;R=data.rules;F=data.findings;
  }
  var sev=$('f-sev'),area=$('f-area'),rule=$('f-rule'),q=$('f-q'),shown=$('f-shown'),version=0,hay=[],ruleHay=[];
  $('f-controls').hidden=false;
  function el(tag,cls){
    var e=document.createElement(tag);if(cls)e.className=cls;
    for(var i=2;i<arguments.length;i++)e.append(arguments[i]);
    return e;
  }
  function tag(t){return el('span','tag',t);}
  function row(i){
    var f=F[i],ru=R[f[0]],s=S[f[1]],tr=el('tr',f[9]?'waived':null);
    tr.dataset.severity=s;tr.dataset.area=ru.area;tr.dataset.rule=ru.id;
    var sv=el('td','sev '+s,s);
    if(f[9])sv.append(' ',tag('waived'));
    if(f[10]===1)sv.append(' ',tag('new'));else if(f[10]===2)sv.append(' ',tag('unchanged'));
    var body=el('div','body');
    if(f[5].length){
      var ul=el('ul');
      f[5].forEach(function(e){ul.append(el('li',null,e));});
      body.append(el('div',null,'Evidence:'),ul);
    }
    var fix=f[6]===null?ru.fix:f[6];
    if(fix!==null)body.append(el('div',null,'Fix: '+fix));
    if(f[9])body.append(el('div',null,'Waived: '+f[9][0]+(f[9][1]===null?'':' (owner '+f[9][1]+')')+(f[9][2]===null?'':', until '+f[9][2])));
    var where=el('td',null,el('code',null,f[7]));
    if(f[8]!==null)where.append(' ',el('span','from','(from '+f[8]+')'));
    tr.append(sv,el('td',null,f[2],el('br'),tag(f[3])),el('td',null,el('details',null,el('summary',null,f[4]),body)),where);
    return tr;
  }
  function text(i){
    var t=hay[i];
    if(t===undefined){
      var f=F[i],w=f[9];
      t=hay[i]=[S[f[1]],f[2],f[3],f[4],f[5].join('\n'),f[6]||'',f[7],f[8]||'',w?'waived '+w.join('\n'):'',
        f[10]===1?'new':f[10]===2?'unchanged':''].join('\n').toLowerCase();
    }
    return t;
  }
  function ruleText(r){
    var u=R[r];
    return ruleHay[r]||(ruleHay[r]=[u.id,u.title,u.why,u.source,u.fix||''].join('\n').toLowerCase());
  }
  var groups=[];
  document.querySelectorAll('#findings details.group').forEach(function(d){
    var g={el:d,r:+d.dataset.index,start:+d.dataset.start,end:+d.dataset.end,match:[],shown:0,drawn:-1,
      count:d.querySelector('.count'),tbody:d.querySelector('tbody'),more:d.querySelector('.more'),
      cell:$('rc-'+d.dataset.rule),button:null};
    d.addEventListener('toggle',function(){if(d.open&&g.drawn!==version)draw(g);});
    groups.push(g);
  });
  function page(g){
    var frag=document.createDocumentFragment(),k=Math.min(g.match.length,g.shown+PAGE);
    for(var j=g.shown;j<k;j++)frag.append(row(g.match[j]));
    g.tbody.append(frag);g.shown=k;
    var left=g.match.length-k;
    if(left>0){
      if(!g.button){
        g.button=el('button',null);g.button.type='button';
        g.button.addEventListener('click',function(){page(g);});
        g.more.replaceChildren(g.button);
      }
      g.button.textContent='Show '+Math.min(PAGE,left)+' more ('+left+' not shown yet)';
    }else{
      g.button=null;g.more.replaceChildren();
    }
  }
  function draw(g){
    if(!F){apply();return;}  // the first use: every group's matches, then the open ones drawn
    g.drawn=version;g.shown=0;g.button=null;g.tbody.replaceChildren();g.more.replaceChildren();page(g);
  }
  function apply(){
    load();
    var s=sev.value,a=area.value,r=rule.value,t=q.value.trim().toLowerCase(),n=0,any=!!(s||a||r||t);
    version++;
    groups.forEach(function(g){
      var u=R[g.r],m=[],total=g.end-g.start;
      if((!a||u.area===a)&&(!r||u.id===r)){
        var all=!t||ruleText(g.r).indexOf(t)>=0;
        for(var i=g.start;i<g.end;i++){
          if(s&&S[F[i][1]]!==s)continue;
          if(!all&&text(i).indexOf(t)<0)continue;
          m.push(i);
        }
      }
      g.match=m;n+=m.length;
      var label=any?m.length+' of '+total:String(total);
      g.count.textContent=label+(total===1?' finding':' findings');
      g.cell.textContent=label;
      g.el.hidden=g.cell.parentNode.hidden=any&&m.length===0;
      if(r&&m.length)g.el.open=true;
      if(g.el.open)draw(g);
    });
    shown.textContent=n+' of '+F.length+' shown';
  }
  // Filters can be preset from the address: report.html#severity=error&area=GRP&rule=GRP-001&q=bert
  // (a malformed escape such as %E0%A4%A is taken as written: it must not stop the filters); #g-RULE opens a group.
  function decode(v){try{return decodeURIComponent(v);}catch(e){return v;}}
  function openNamed(){
    var d=$(decode((location.hash||'').replace(/^#/,'')));
    if(d&&d.classList.contains('group'))d.open=true;
  }
  (location.hash||'').replace(/^#/,'').split('&').forEach(function(kv){
    var i=kv.indexOf('=');if(i<0)return;var k=kv.slice(0,i),v=decode(kv.slice(i+1));
    if(k==='severity')sev.value=v;else if(k==='area')area.value=v;else if(k==='rule')rule.value=v;else if(k==='q')q.value=v;
  });
  [sev,area,rule].forEach(function(e){e.addEventListener('change',apply);});
  q.addEventListener('input',apply);
  window.addEventListener('hashchange',openNamed);
  // Deployments whose recipient lists are too long for the page: built when opened, from #d-data.
  var lists=$('d-data')?JSON.parse($('d-data').textContent):[];
  document.querySelectorAll('#deployments details[data-list]').forEach(function(d){
    d.addEventListener('toggle',function(){
      var l=lists[+d.dataset.list],body=d.querySelector('.body'),p=body.querySelector('p.list');
      if(!d.open||!l||!p)return;
      var parts=[];
      if(l[0].length){
        var ul=el('ul');
        l[0].forEach(function(u){ul.append(el('li',null,u));});
        parts.push(el('div',null,'Recipients:'),ul);
      }
      if(l[1].length){
        var ux=el('ul');
        l[1].forEach(function(x){ux.append(el('li',null,x[0]+': '+x[1]+' ('+x[2]+')'));});
        parts.push(el('div',null,'Left out:'),ux);
      }
      if(parts.length)p.replaceWith.apply(p,parts);
    });
  });
  window.addEventListener('beforeprint',function(){
    groups.forEach(function(g){if(!g.el.hidden){g.el.open=true;if(g.drawn!==version)draw(g);}});
    document.querySelectorAll('details').forEach(function(d){d.open=true;});
  });
  if(sev.value||area.value||rule.value||q.value.trim())apply();
  openNamed();
})();
